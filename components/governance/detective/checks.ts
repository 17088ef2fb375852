/**
 * Pure compliance checks of SageMaker requests (G10), one per watched API call. Input is the
 * request as CloudTrail records it (camelCase) or a Describe* response run through `camelize`:
 * both name the same members. Each violation names the guardrail control it breaks
 * (docs/guardrails.md), so the alert says what to fix.
 */
import { Json, WatchedEvent, isRecord } from "./events";

export interface Violation {
    control: string;
    message: string;
}

export interface CheckPolicy {
    /** N4: containers must run with network isolation. */
    requireNetworkIsolation: boolean;
    /** N4 for the resources of these teams (their `team` tag). Default none. */
    networkIsolationTeams?: string[];
    /** G2: allowed instance types; `*` wildcards allowed. Empty: not checked. */
    allowedInstanceTypes: string[];
}

/** Lower-cases the first letter of every key, recursively: Describe* (PascalCase) → CloudTrail (camelCase). */
export function camelize(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(camelize);
    if (!isRecord(value)) return value;
    const out: Json = {};
    for (const [k, v] of Object.entries(value)) out[k.charAt(0).toLowerCase() + k.slice(1)] = camelize(v);
    return out;
}

const obj = (v: unknown): Json => (isRecord(v) ? v : {});
const text = (v: unknown): string | undefined => (typeof v === "string" && v.length > 0 ? v : undefined);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string" && x.length > 0) : []);

function globMatch(pattern: string, value: string): boolean {
    const re = new RegExp(
        `^${pattern
            .split("*")
            .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
            .join(".*")}$`,
    );
    return re.test(value);
}

class Collector {
    readonly violations: Violation[] = [];
    add(control: string, message: string): void {
        if (!this.violations.some((v) => v.control === control && v.message === message)) this.violations.push({ control, message });
    }
}

function vpc(c: Collector, vpcConfig: unknown, what: string): void {
    const v = obj(vpcConfig);
    if (strings(v.subnets).length === 0) c.add("N3", `${what} has no VPC subnets; it would run outside the platform VPC`);
    if (strings(v.securityGroupIds).length === 0) c.add("N3", `${what} has no VPC security groups`);
}

function volumeKey(c: Collector, key: unknown, what: string): void {
    if (!text(key)) c.add("E2", `${what} has no volume KMS key`);
}

function outputKey(c: Collector, key: unknown, what: string): void {
    if (!text(key)) c.add("E3", `${what} has no output KMS key`);
}

function interContainer(c: Collector, flag: unknown, what: string): void {
    if (flag !== true) c.add("E4", `${what} does not encrypt inter-container traffic`);
}

function isolation(c: Collector, flag: unknown, what: string, policy: CheckPolicy): void {
    if (policy.requireNetworkIsolation && flag !== true) c.add("N4", `${what} does not run with network isolation`);
}

function instanceType(c: Collector, type: unknown, what: string, policy: CheckPolicy): void {
    const t = text(type);
    if (!t || t === "system" || policy.allowedInstanceTypes.length === 0) return;
    if (!policy.allowedInstanceTypes.some((p) => globMatch(p, t))) c.add("G2", `${what} uses instance type ${t}, which is not on the allow-list`);
}

function trainingDefinition(c: Collector, def: Json, what: string, policy: CheckPolicy): void {
    vpc(c, def.vpcConfig, what);
    const resources = obj(def.resourceConfig);
    volumeKey(c, resources.volumeKmsKeyId, what);
    outputKey(c, obj(def.outputDataConfig).kmsKeyId, what);
    interContainer(c, def.enableInterContainerTrafficEncryption, what);
    isolation(c, def.enableNetworkIsolation, what, policy);
    instanceType(c, resources.instanceType, what, policy);
    for (const group of Array.isArray(resources.instanceGroups) ? resources.instanceGroups : []) instanceType(c, obj(group).instanceType, what, policy);
}

function sharing(c: Collector, settings: unknown, what: string): void {
    const s = obj(obj(settings).sharingSettings);
    // Sharing disabled (the platform default) writes nothing; when allowed, the bucket objects need a key (E5).
    if (s.notebookOutputOption === "Allowed" && !text(s.s3KmsKeyId)) c.add("E5", `${what} allows notebook sharing without a KMS key`);
}

/** The violations of one request. `params` is the request (or the described resource). */
/** The request's `team` tag: CloudTrail records tags as [{key, value}], Describe* as [{Key, Value}] (camelized). */
function teamTag(params: Json): string | undefined {
    const tags = Array.isArray(params.tags) ? params.tags : [];
    const team = tags.map(obj).find((t) => t.key === "team");
    return team ? text(team.value) : undefined;
}

export function checkRequest(eventName: WatchedEvent, params: Json, basePolicy: CheckPolicy): Violation[] {
    const c = new Collector();
    const team = teamTag(params);
    const policy: CheckPolicy = {
        ...basePolicy,
        requireNetworkIsolation: basePolicy.requireNetworkIsolation || (team !== undefined && (basePolicy.networkIsolationTeams ?? []).includes(team)),
    };
    switch (eventName) {
        case "CreateTrainingJob":
            trainingDefinition(c, params, "The training job", policy);
            break;
        case "CreateHyperParameterTuningJob": {
            const defs = [params.trainingJobDefinition, ...(Array.isArray(params.trainingJobDefinitions) ? params.trainingJobDefinitions : [])].filter(
                isRecord,
            );
            if (defs.length === 0) c.add("N3", "The tuning job has no training job definition to inspect");
            defs.forEach((d) => trainingDefinition(c, d, "The tuning job's training definition", policy));
            break;
        }
        case "CreateProcessingJob": {
            const network = obj(params.networkConfig);
            const cluster = obj(obj(params.processingResources).clusterConfig);
            vpc(c, network.vpcConfig, "The processing job");
            volumeKey(c, cluster.volumeKmsKeyId, "The processing job");
            outputKey(c, obj(params.processingOutputConfig).kmsKeyId, "The processing job");
            interContainer(c, network.enableInterContainerTrafficEncryption, "The processing job");
            isolation(c, network.enableNetworkIsolation, "The processing job", policy);
            instanceType(c, cluster.instanceType, "The processing job", policy);
            break;
        }
        case "CreateTransformJob": {
            // A transform job's network comes from its model (checked on CreateModel).
            const resources = obj(params.transformResources);
            volumeKey(c, resources.volumeKmsKeyId, "The transform job");
            outputKey(c, obj(params.transformOutput).kmsKeyId, "The transform job");
            instanceType(c, resources.instanceType, "The transform job", policy);
            break;
        }
        case "CreateAutoMLJob":
        case "CreateAutoMLJobV2": {
            const security = obj(eventName === "CreateAutoMLJob" ? obj(params.autoMLJobConfig).securityConfig : params.securityConfig);
            vpc(c, security.vpcConfig, "The AutoML job");
            volumeKey(c, security.volumeKmsKeyId, "The AutoML job");
            outputKey(c, obj(params.outputDataConfig).kmsKeyId, "The AutoML job");
            interContainer(c, security.enableInterContainerTrafficEncryption, "The AutoML job");
            break;
        }
        case "CreateModel":
            vpc(c, params.vpcConfig, "The model");
            isolation(c, params.enableNetworkIsolation, "The model", policy);
            break;
        case "CreateEndpointConfig":
            volumeKey(c, params.kmsKeyId, "The endpoint configuration");
            for (const variant of Array.isArray(params.productionVariants) ? params.productionVariants : [])
                instanceType(c, obj(variant).instanceType, "The endpoint configuration", policy);
            break;
        case "CreateNotebookInstance": {
            // Both default to Enabled when absent.
            if (params.directInternetAccess !== "Disabled") c.add("N5", "The notebook instance has direct internet access");
            if (params.rootAccess !== "Disabled") c.add("I9", "The notebook instance gives users root access");
            if (!text(params.subnetId)) c.add("N3", "The notebook instance is not in a VPC subnet");
            // CreateNotebookInstance says securityGroupIds; DescribeNotebookInstance says securityGroups.
            if (strings(params.securityGroupIds).length === 0 && strings(params.securityGroups).length === 0)
                c.add("N3", "The notebook instance has no security groups");
            volumeKey(c, params.kmsKeyId, "The notebook instance");
            instanceType(c, params.instanceType, "The notebook instance", policy);
            break;
        }
        case "CreateDomain":
        case "UpdateDomain": {
            const update = eventName === "UpdateDomain";
            // An update that does not name the mode leaves it unchanged; a describe result always names it.
            if (!(update && params.appNetworkAccessType === undefined) && params.appNetworkAccessType !== "VpcOnly") {
                c.add("N1", `The domain uses ${text(params.appNetworkAccessType) ?? "PublicInternetOnly (the default)"} instead of VpcOnly`);
            }
            if (!update || params.subnetIds !== undefined) {
                if (strings(params.subnetIds).length === 0) c.add("N2", "The domain names no subnets");
            }
            if (!update || params.kmsKeyId !== undefined) {
                if (!text(params.kmsKeyId)) c.add("E1", "The domain's EFS volume has no customer KMS key");
            }
            sharing(c, params.defaultUserSettings, "The domain's default user settings");
            for (const type of [
                obj(obj(params.defaultUserSettings).jupyterLabAppSettings).defaultResourceSpec,
                obj(obj(params.defaultUserSettings).kernelGatewayAppSettings).defaultResourceSpec,
            ]) {
                instanceType(c, obj(type).instanceType, "The domain's default app", policy);
            }
            break;
        }
        case "CreateUserProfile": {
            const settings = obj(params.userSettings);
            // N9: each profile has its own security group, so users cannot reach each other's apps.
            if (strings(settings.securityGroups).length === 0) c.add("N9", "The user profile has no security group of its own");
            sharing(c, settings, "The user profile");
            break;
        }
        case "CreateApp":
            instanceType(c, obj(params.resourceSpec).instanceType, `The ${text(params.appType) ?? ""} app`.replace("  ", " "), policy);
            break;
    }
    return c.violations;
}
