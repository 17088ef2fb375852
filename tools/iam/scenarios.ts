/**
 * The IAM proofs' scenario data: concrete requests against the documents of a stack, each with the
 * decision the platform promises. Pure data, no simulator: `scenarios.test.ts` evaluates them with
 * @cloud-copilot/iam-simulate (AGPL, test-only) and `tools/securityProofsDoc.ts` renders them as
 * docs/security-proofs.md.
 *
 * Documents come from the stack's plan where the component that deploys them exists ("plan"), and
 * otherwise from the same builder function in components/guardrails/ with the stack's config
 * ("builder"), so a row never proves a hand-written copy of a policy. Each document records which.
 */
import {
    PolicyDocument,
    Statement,
    approvedRepositoryPolicy,
    baselineScpStatements,
    denyInsecureTransport,
    denyWrongEncryption,
    organizationTrustRcpStatements,
    packStatements,
    permissionSetPolicies,
    policyDocument,
    presignedUrlPerimeter,
    samlBrokerRolePolicy,
    publishStagePolicy,
    sageMakerDistributionImageArns,
    upstreamRepositoryPolicy,
    workloadScpStatements,
} from "../../components/guardrails";
import { TeamDocumentScope, TeamRoleKind } from "../../components/guardrails/teamScope";
import { teamRolePolicy } from "../../components/guardrails/teamPolicies";
import { teamGuardrailPolicies, teamPermissionBoundary } from "../../components/guardrails/teamBoundary";
import { teamBucketPolicyStatements } from "../../components/guardrails/teamBuckets";
import { teamKeyPolicy } from "../../components/guardrails/teamKey";
import { teamNames } from "../../components/team/names";
import { samlBrokerNames } from "../../components/access/defaults";
import { MANDATORY_TAG_KEYS } from "../../components/tags";
import { sdkTagsParameter } from "../../components/studio/lifecycleScript";
import { PlatformConfig, keyAdministrators, mandatoryTags, parsePlatformConfig } from "../../stacks/config";
import { organizationTrailOf, platformInstanceTypes } from "../../stacks/governanceLayer";
import { AttackTeam, attackScenarios } from "./attackScenarios";
import { Plan, PlanResource } from "../../plan/types";
import { gateScenarios } from "./gateScenarios";
import { pipelineScenarios } from "./pipelineScenarios";
import { keyAdministrationRows, loggingTamperRows } from "./attackRowsNetwork";

export type Decision = "Allowed" | "ExplicitlyDenied" | "ImplicitlyDenied";

/** Where a document of a scenario comes from. */
export interface SourcedPolicy {
    /** Short name used in the matrix, e.g. "fraud studio role policy". */
    name: string;
    source: "plan" | "builder";
    /** Plan: `<type> <name> (<property>)`; builder: the function call. */
    origin: string;
    document: PolicyDocument;
}

export interface ScenarioRequest {
    principal: string;
    action: string;
    resource: string;
    resourceAccount: string;
    context: Record<string, string | string[]>;
}

export interface Scenario {
    /** Stable id, e.g. `studio-own-profile-ip/fraud`. */
    id: string;
    area:
        | "Studio access"
        | "Images"
        | "Training jobs"
        | "Domain creation"
        | "Notebook instances"
        | "Team data"
        | "Packages"
        | "Pipeline roles"
        | "Audit archive"
        | "Keys"
        | "Network"
        | "Logging"
        | "Attacks"
        | "Studio launch";
    /** The request in plain words. */
    title: string;
    /** Guardrail control ids (docs/guardrails.md). */
    controls: string[];
    expected: Decision;
    /** For an explicit deny: the Sid that must be among the deciding statements. */
    decidedBy?: string;
    /** The baseline requirement (one of REQUIRED_ROWS) this row proves, if any. */
    required?: string;
    request: ScenarioRequest;
    identity: SourcedPolicy[];
    boundary?: SourcedPolicy[];
    scps?: SourcedPolicy[];
    /** Resource control policies of the organisation (evaluated under RCPFullAWSAccess). */
    rcps?: SourcedPolicy[];
    resourcePolicy?: SourcedPolicy;
    endpointPolicies?: SourcedPolicy[];
    /**
     * A known defect of a builder: the platform intends `expected`, AWS evaluates `observed`. The
     * test asserts `observed` so the row turns red the day the builder is fixed (then delete this).
     */
    defect?: { observed: Decision; explanation: string };
}

// ---------------------------------------------------------------------------------------------
// Documents: plan first, builder otherwise

class Documents {
    constructor(private readonly resources: PlanResource[]) {}

    /** The first plan document of `type` whose resource name matches, parsed. */
    fromPlan(type: string, name: RegExp, property: string): { document: PolicyDocument; origin: string } | undefined {
        const r = this.resources.find((x) => x.type === type && name.test(x.name) && typeof x.inputs[property] === "string");
        if (!r) return undefined;
        return { document: JSON.parse(r.inputs[property] as string) as PolicyDocument, origin: `${type} ${r.name} (${property})` };
    }

    /** Plan documents whose JSON contains a statement with this Sid (for SCPs split by the packer). */
    planDocumentsWithSid(type: string, property: string, sid: string): { document: PolicyDocument; origin: string }[] {
        return this.resources
            .filter((x) => x.type === type && typeof x.inputs[property] === "string" && (x.inputs[property] as string).includes(`"Sid":"${sid}"`))
            .map((x) => ({ document: JSON.parse(x.inputs[property] as string) as PolicyDocument, origin: `${type} ${x.name} (${property})` }));
    }

    /** Every SERVICE_CONTROL_POLICY document of the plan. */
    scpDocuments(): { document: PolicyDocument; origin: string }[] {
        return (
            this.resources
                // type defaults to SERVICE_CONTROL_POLICY, so an absent one is an SCP too.
                .filter(
                    (x) =>
                        x.type === "aws:organizations/policy:Policy" &&
                        (x.inputs.type === undefined || x.inputs.type === "SERVICE_CONTROL_POLICY") &&
                        typeof x.inputs.content === "string" &&
                        (x.inputs.content as string).includes('"Statement"'),
                )
                .map((x) => ({ document: JSON.parse(x.inputs.content as string) as PolicyDocument, origin: `${x.type} ${x.name} (content)` }))
        );
    }

    pick(name: string, plan: { document: PolicyDocument; origin: string } | undefined, builder: () => PolicyDocument, builderCall: string): SourcedPolicy {
        return plan
            ? { name, source: "plan", origin: plan.origin, document: plan.document }
            : { name, source: "builder", origin: builderCall, document: builder() };
    }

    /** Output id of a resource (mock state), e.g. a VPC endpoint's vpce-... */
    outputId(type: string, name: RegExp): string | undefined {
        const r = this.resources.find((x) => x.type === type && name.test(x.name));
        const id = r?.outputs.id ?? r?.id;
        return typeof id === "string" ? id : undefined;
    }
}

// ---------------------------------------------------------------------------------------------
// The world of one stack: accounts, teams, roles, buckets, keys

interface TeamWorld {
    name: string;
    scope: TeamDocumentScope;
    scientist: string;
    otherScientist?: string;
    roleArn(kind: TeamRoleKind): string;
    bucketArn(purpose: "data" | "models" | "outputs"): string;
    identity(kind: TeamRoleKind): SourcedPolicy[];
    boundary: SourcedPolicy[] | undefined;
    keyPolicy: SourcedPolicy;
    bucketPolicy(purpose: "data" | "models" | "outputs"): SourcedPolicy;
}

interface World {
    stack: string;
    cfg: PlatformConfig;
    partition: string;
    region: string;
    workload: string;
    shared: string;
    teams: TeamWorld[];
    s3EndpointId: string;
    studioEndpointId: string;
    apiEndpointId: string;
    endpoint(service: "s3" | "studio" | "sagemaker-api" | "codeartifact-repositories"): SourcedPolicy[];
    scps: SourcedPolicy[] | undefined;
    rcps: SourcedPolicy[] | undefined;
    permissionSet(name: "DataScientist" | "TeamLead"): SourcedPolicy;
    /** The team's `sdk-tags` parameter (what the Studio lifecycle script writes into the SDK defaults), parsed. */
    sdkTags(team: string): Record<string, string>;
    deployer: { arn: string; identity: SourcedPolicy[] };
    perimeter(team: TeamWorld): SourcedPolicy;
    /**
     * The SAML broker's role and policy, which teams it serves (every team where the stack has no
     * broker: the builder's rows) and a served team role's trust from the plan.
     */
    samlBroker: { roleArn: string; policy: SourcedPolicy; serves(team: string): boolean; trust(t: TeamWorld): SourcedPolicy | undefined };
    packages: {
        domainArn: string;
        approvedArn: string;
        approvedPackages: string;
        upstreamArn: string;
        upstreamPackages: string;
        publisherArn: string;
        scannerArn: string;
        approvedPolicy: SourcedPolicy;
        upstreamPolicy: SourcedPolicy;
        publisherIdentity: SourcedPolicy[];
    };
}

const FAKE = {
    domainId: "d-platformdomain",
    vpcId: "vpc-0platform",
    subnets: ["subnet-0a", "subnet-0b"],
    securityGroups: ["sg-0jobs"],
};

function buildWorld(stack: string, plan: Plan, rawConfig: Record<string, unknown>): World {
    const cfg = parsePlatformConfig(rawConfig["secure-ds:platform"]);
    const docs = new Documents(plan.resources);
    const partition = cfg.partition;
    const region = cfg.region;
    const workload = cfg.accounts.workload.accountId;
    const shared = cfg.accounts.sharedServices?.accountId ?? workload;
    const naming = { organization: cfg.organization, environment: cfg.environment };
    const s3EndpointId = docs.outputId("aws:ec2/vpcEndpoint:VpcEndpoint", /-vpce-s3$/) ?? "vpce-0s3gateway";
    const studioEndpointId = docs.outputId("aws:ec2/vpcEndpoint:VpcEndpoint", /-vpce-studio$/) ?? "vpce-0studio";
    const apiEndpointId = docs.outputId("aws:ec2/vpcEndpoint:VpcEndpoint", /-vpce-sagemaker-api$/) ?? "vpce-0sagemakerapi";
    const kmsEndpointId = docs.outputId("aws:ec2/vpcEndpoint:VpcEndpoint", /-vpce-kms$/) ?? "vpce-0kms";
    const admins = keyAdministrators(cfg.accounts.workload);
    const deployerArn = cfg.accounts.workload.assumeRoleArn ?? admins[0];
    const studioTypes = cfg.studio.instanceTypes;

    const teamScope = (team: PlatformConfig["teams"][number]): TeamDocumentScope => {
        const n = teamNames(naming, team.name, workload);
        const role = (k: TeamRoleKind) => `arn:${partition}:iam::${workload}:role${n.rolePath}${n.roles[k]}`;
        const kinds: TeamRoleKind[] = ["admin", "scientist", "studio", "space", "training", "processing", "hosting"];
        return {
            partition,
            region,
            accountId: workload,
            sharedServicesAccountId: shared,
            team: team.name,
            roleArns: Object.fromEntries(kinds.map((k) => [k, role(k)])) as Record<TeamRoleKind, string>,
            userRoleArns: {},
            userRoleArnPattern: `arn:${partition}:iam::${workload}:role${n.rolePath}${n.userRolePrefix}*`,
            rolePath: n.rolePath,
            delegatedRolePath: n.delegatedRolePath,
            policyPath: n.policyPath,
            parameterPath: n.parameterPath,
            boundaryPolicyArn: `arn:${partition}:iam::${workload}:policy${n.policyPath}${n.boundaryPolicy}`,
            bucketArns: {
                data: `arn:${partition}:s3:::${n.buckets.data}`,
                models: `arn:${partition}:s3:::${n.buckets.models}`,
                outputs: `arn:${partition}:s3:::${n.buckets.outputs}`,
            },
            kmsKeyArn: `arn:${partition}:kms:${region}:${workload}:key/${team.name}-team-key`,
            vpcId: FAKE.vpcId,
            subnetIds: FAKE.subnets,
            securityGroupIds: FAKE.securityGroups,
            s3EndpointId,
            jobInstanceTypes: team.jobInstanceTypes ?? studioTypes,
            appInstanceTypes: studioTypes,
            maxJobRuntimeSeconds: Math.round(team.maxJobRuntimeHours * 3600),
            networkIsolation: team.networkIsolation,
            mandatoryTagKeys: [...MANDATORY_TAG_KEYS],
            users: team.users.map((u) => u.name),
            adminUsers: team.users.filter((u) => u.role === "admin").map((u) => u.name),
            budgetName: n.budget,
            bucketAdminArns: [deployerArn],
            dataInspectorArns: [],
        };
    };

    const teams: TeamWorld[] = cfg.teams.map((team) => {
        const s = teamScope(team);
        const scientists = team.users.filter((u) => u.role === "scientist").map((u) => u.name);
        const people = team.users.map((u) => u.name);
        const scientist = scientists[0] ?? people[0];
        // Names as TeamEnvironment registers them: `<team>-<kind>-permissions`, `<team>-guardrails-<short>`,
        // `<team>-boundary`, `<team>-key-key` (CustomerKey), `<team>-<purpose>-policy` (SecureBucket).
        const t = team.name;
        const identity = (kind: TeamRoleKind): SourcedPolicy[] => [
            docs.pick(
                `${t} ${kind} role policy`,
                docs.fromPlan("aws:iam/rolePolicy:RolePolicy", new RegExp(`(^|-)${t}-${kind}-permissions$`), "policy"),
                () => teamRolePolicy(s, kind),
                `teamRolePolicy(<${t} scope>, "${kind}")`,
            ),
            ...(["vpc-kms", "cost-tags"] as const).map((short) =>
                docs.pick(
                    `${t} guardrails-${short}`,
                    docs.fromPlan("aws:iam/policy:Policy", new RegExp(`(^|-)${t}-guardrails-${short}$`), "policy"),
                    () => teamGuardrailPolicies(s)[short],
                    `teamGuardrailPolicies(<${t} scope>)["${short}"]`,
                ),
            ),
        ];
        // The values a request must carry to be compliant (subnets, security groups, team key) are
        // whatever the deployed guardrail names: read them from it, so an allowed row is allowed
        // for the documents' own values, not for guesses.
        const deployed = identity("studio")[1].document;
        const valuesOf = (sid: string, key: string): string[] | undefined => {
            const st = deployed.Statement.find((x) => x.Sid === sid);
            for (const block of Object.values(st?.Condition ?? {})) {
                const v = block[key];
                if (v !== undefined) return Array.isArray(v) ? v : [v];
            }
            return undefined;
        };
        s.subnetIds = valuesOf("DenyJobsOutsidePlatformSubnets", "sagemaker:VpcSubnets") ?? s.subnetIds;
        s.securityGroupIds = valuesOf("DenyJobsOutsidePlatformSecurityGroups", "sagemaker:VpcSecurityGroupIds") ?? s.securityGroupIds;
        s.kmsKeyArn = valuesOf("DenyJobsWithForeignVolumeKey", "sagemaker:VolumeKmsKeyArn")?.[0] ?? s.kmsKeyArn;
        const boundary = docs.pick(
            `${t} permission boundary`,
            docs.fromPlan("aws:iam/policy:Policy", new RegExp(`(^|-)${t}-boundary$`), "policy"),
            () => teamPermissionBoundary(s),
            `teamPermissionBoundary(<${t} scope>)`,
        );
        const keyDoc = docs.pick(
            `${t} key policy`,
            docs.fromPlan("aws:kms/key:Key", new RegExp(`(^|-)${t}-key-key$`), "policy"),
            () => teamKeyPolicy(s, { administrators: admins, kmsEndpointIds: [kmsEndpointId] }),
            `teamKeyPolicy(<${t} scope>, {administrators, kmsEndpointIds})`,
        );
        return {
            name: team.name,
            scope: s,
            scientist,
            otherScientist: people.find((p) => p !== scientist),
            roleArn: (kind) => s.roleArns[kind],
            bucketArn: (purpose) => s.bucketArns[purpose],
            identity,
            boundary: [boundary],
            keyPolicy: keyDoc,
            bucketPolicy: (purpose) =>
                docs.pick(
                    `${t} ${purpose} bucket policy`,
                    docs.fromPlan("aws:s3/bucketPolicy:BucketPolicy", new RegExp(`(^|-)${t}-${purpose}-policy$`), "policy"),
                    () =>
                        policyDocument([
                            denyInsecureTransport(s.bucketArns[purpose]),
                            ...denyWrongEncryption(s.bucketArns[purpose], s.kmsKeyArn),
                            ...teamBucketPolicyStatements(s, s.bucketArns[purpose]),
                        ]),
                    "SecureBucket statements (denyInsecureTransport, denyWrongEncryption) + teamBucketPolicyStatements",
                ),
        };
    });

    const endpointDocs: Record<string, SourcedPolicy[]> = {};
    for (const [service, suffix] of [
        ["s3", "s3"],
        ["studio", "studio"],
        ["sagemaker-api", "sagemaker-api"],
        ["codeartifact-repositories", "codeartifact-repositories"],
    ] as const) {
        const p = docs.fromPlan("aws:ec2/vpcEndpoint:VpcEndpoint", new RegExp(`-vpce-${suffix}$`), "policy");
        endpointDocs[service] = p ? [{ name: `${service} endpoint policy`, source: "plan", origin: p.origin, document: p.document }] : [];
    }

    // SCPs: the prod plan carries them (organization layer); dev has no management layer, so its
    // rows use the same packer over the same statements with dev's allow-list.
    // Every SCP the packer made (a split puts statements in documents without DenyDomainWithoutVpcOnly).
    const scpPlan = docs.planDocumentsWithSid("aws:organizations/policy:Policy", "content", "DenyDomainWithoutVpcOnly").length ? docs.scpDocuments() : [];
    const scpBaseline = docs.planDocumentsWithSid("aws:organizations/policy:Policy", "content", "DenyLeaveOrganization");
    const scps: SourcedPolicy[] =
        scpPlan.length > 0
            ? [...scpPlan, ...scpBaseline.filter((b) => !scpPlan.some((p) => p.origin === b.origin))].map((p, i) => ({
                  name: `SCP ${i + 1}`,
                  source: "plan" as const,
                  origin: p.origin,
                  document: p.document,
              }))
            : packStatements("workload", workloadScpStatements(platformInstanceTypes(cfg), studioTypes)).map((p) => ({
                  name: `SCP ${p.name}`,
                  source: "builder" as const,
                  origin: `packStatements("workload", workloadScpStatements(platformInstanceTypes(cfg), studio.instanceTypes)) -> ${p.name}`,
                  document: p.document,
              }));

    // The trust RCP: the prod plan carries it; without an organisation there is none.
    const rcpPlan = docs.fromPlan("aws:organizations/policy:Policy", /-rcp-trust$/, "content");
    const orgId = cfg.organizationId;
    const rcps: SourcedPolicy[] | undefined = rcpPlan
        ? [{ name: "trust RCP", source: "plan", origin: rcpPlan.origin, document: rcpPlan.document }]
        : orgId
          ? [
                {
                    name: "trust RCP",
                    source: "builder",
                    origin: "organizationTrustRcpStatements(organizationId)",
                    document: policyDocument(organizationTrustRcpStatements(orgId, partition)),
                },
            ]
          : undefined;
    const permissionSet = (set: "DataScientist" | "TeamLead"): SourcedPolicy =>
        docs.pick(
            `${set} permission set`,
            docs.fromPlan("aws:ssoadmin/permissionSetInlinePolicy:PermissionSetInlinePolicy", new RegExp(`-ps-${set.toLowerCase()}-policy$`), "inlinePolicy"),
            () =>
                permissionSetPolicies({
                    partition,
                    region,
                    namePrefix: `${cfg.organization}-${cfg.environment}`,
                    allowedInstanceTypes: platformInstanceTypes(cfg),
                    appInstanceTypes: studioTypes,
                    studioSourceIps: cfg.studio.presignedUrlSourceIps,
                })[set],
            "permissionSetPolicies(<stack config>)",
        );
    const sdkTags = (team: string): Record<string, string> => {
        const planned = plan.resources.find((x) => x.type === "aws:ssm/parameter:Parameter" && new RegExp(`(^|-)${team}-param-sdk-tags$`).test(x.name));
        const value =
            typeof planned?.inputs.insecureValue === "string" ? planned.inputs.insecureValue : sdkTagsParameter(mandatoryTags(cfg, team), MANDATORY_TAG_KEYS);
        return Object.fromEntries(value.split(",").map((pair) => [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)]));
    };

    const approvedTypes = studioTypes;
    const perimeter = (team: TeamWorld): SourcedPolicy =>
        docs.pick(
            `${team.name} presigned-URL perimeter`,
            docs.fromPlan("aws:iam/rolePolicy:RolePolicy", new RegExp(`(^|-)${team.name}-presigned-url-perimeter$`), "policy"),
            () =>
                presignedUrlPerimeter({
                    partition,
                    region,
                    accountId: workload,
                    domainId: FAKE.domainId,
                    sourceIps: cfg.studio.presignedUrlSourceIps,
                    vpcEndpointIds: [studioEndpointId, apiEndpointId],
                    approvedImageArns: sageMakerDistributionImageArns(partition, region),
                    allowedInstanceTypes: approvedTypes,
                }),
            "presignedUrlPerimeter(<stack config>)",
        );

    const ca = (resource: string) => `arn:${partition}:codeartifact:${region}:${shared}:${resource}`;
    const domainName = `${cfg.organization}-${cfg.environment}`;
    // Repository and role ARNs: from the plan's repository policies when PackageMirror is deployed
    // (the statements name them), otherwise from the naming convention.
    const planApproved = docs.fromPlan("aws:codeartifact/repositoryPermissionsPolicy:RepositoryPermissionsPolicy", /approved/, "policyDocument");
    const planUpstream = docs.fromPlan("aws:codeartifact/repositoryPermissionsPolicy:RepositoryPermissionsPolicy", /pypi/, "policyDocument");
    const stmt = (d: PolicyDocument | undefined, sid: string) => d?.Statement.find((x) => x.Sid === sid);
    const resourcesOf = (st: Statement | undefined): string[] => (st?.Resource === undefined ? [] : Array.isArray(st.Resource) ? st.Resource : [st.Resource]);
    const principalOf = (st: Statement | undefined): string | undefined => {
        const p = st?.Principal;
        if (!p || p === "*" || !p.AWS) return undefined;
        return Array.isArray(p.AWS) ? p.AWS[0] : p.AWS;
    };
    const approvedRes = resourcesOf(stmt(planApproved?.document, "PublisherPublishes"));
    const upstreamRes = resourcesOf(stmt(planUpstream?.document, "ScannerReads"));
    const approvedArn = approvedRes.find((r) => r.includes(":repository/")) ?? ca(`repository/${domainName}/approved`);
    const approvedPackages = approvedRes.find((r) => r.includes(":package/")) ?? ca(`package/${domainName}/approved/*`);
    const upstreamArn = upstreamRes.find((r) => r.includes(":repository/")) ?? ca(`repository/${domainName}/public-pypi`);
    const upstreamPackages = upstreamRes.find((r) => r.includes(":package/")) ?? ca(`package/${domainName}/public-pypi/*`);
    const publisherArn =
        principalOf(stmt(planApproved?.document, "PublisherPublishes")) ?? `arn:${partition}:iam::${shared}:role/${domainName}-packages-publish`;
    const scannerArn = principalOf(stmt(planUpstream?.document, "ScannerReads")) ?? `arn:${partition}:iam::${shared}:role/${domainName}-packages-scan`;
    const packages: World["packages"] = {
        domainArn: ca(`domain/${domainName}`),
        approvedArn,
        approvedPackages,
        upstreamArn,
        upstreamPackages,
        publisherArn,
        scannerArn,
        approvedPolicy: docs.pick(
            "approved repository policy",
            planApproved,
            () =>
                approvedRepositoryPolicy({
                    repositoryArn: approvedArn,
                    packagesArn: approvedPackages,
                    publisherRoleArn: publisherArn,
                    readers: { accountIds: [workload] },
                    partition,
                }),
            "approvedRepositoryPolicy(<stack config>)",
        ),
        upstreamPolicy: docs.pick(
            "public-pypi repository policy",
            planUpstream,
            () => upstreamRepositoryPolicy({ repositoryArn: upstreamArn, packagesArn: upstreamPackages, scannerRoleArn: scannerArn }),
            "upstreamRepositoryPolicy(<stack config>)",
        ),
        publisherIdentity: [
            docs.pick(
                "publish stage role policy",
                docs.fromPlan("aws:iam/rolePolicy:RolePolicy", /(^|-)publish-policy$/, "policy"),
                () =>
                    publishStagePolicy({
                        account: { partition, region, accountId: shared },
                        logGroupArn: `arn:${partition}:logs:${region}:${shared}:log-group:/secure-ds/${domainName}/packages/publish`,
                        artifactBucket: `${domainName}-packages-artifacts-${shared}`,
                        artifactKeyArn: `arn:${partition}:kms:${region}:${shared}:key/packages`,
                        domainArn: ca(`domain/${domainName}`),
                        approvedRepositoryArn: approvedArn,
                        approvedPackagesArn: approvedPackages,
                    }),
                "publishStagePolicy(<stack config>)",
            ),
        ],
    };

    // The SAML broker: the plan's role policy and served teams' trust where the stack has it.
    const brokerNames = samlBrokerNames(naming);
    const served = cfg.access.samlBroker?.teams;
    const samlBroker: World["samlBroker"] = {
        roleArn: `arn:${partition}:iam::${workload}:role/${brokerNames.role}`,
        policy: docs.pick(
            "SAML broker role policy",
            docs.fromPlan("aws:iam/rolePolicy:RolePolicy", /(^|-)saml-broker-role-policy$/, "policy"),
            () =>
                samlBrokerRolePolicy({
                    region,
                    teams: teams.map((x) => ({
                        name: x.name,
                        roleArn: x.roleArn("scientist"),
                        users: cfg.teams.find((c) => c.name === x.name)?.users.map((u) => u.name) ?? [],
                    })),
                    ledgerTableArn: `arn:${partition}:dynamodb:${region}:${workload}:table/${brokerNames.table}`,
                    ledgerKeyArn: `arn:${partition}:kms:${region}:${workload}:key/00000000-0000-0000-0000-000000000000`,
                }),
            "samlBrokerRolePolicy(<stack config teams>)",
        ),
        serves: (team) => served === undefined || served.includes(team),
        trust: (t) => {
            if (served === undefined) return undefined;
            const plan = docs.fromPlan("aws:iam/role:Role", new RegExp(`(^|-)team-${t.name}-scientist$`), "assumeRolePolicy");
            return plan ? { name: `${t.name} scientist role trust`, source: "plan", origin: plan.origin, document: plan.document } : undefined;
        },
    };

    return {
        stack,
        cfg,
        partition,
        region,
        workload,
        shared,
        teams,
        samlBroker,
        s3EndpointId,
        studioEndpointId,
        apiEndpointId,
        endpoint: (service) => endpointDocs[service] ?? [],
        scps: scps.length > 0 ? scps : undefined,
        rcps,
        permissionSet,
        sdkTags,
        deployer: {
            arn: deployerArn,
            // The deployer holds AdministratorAccess: the domain rows show that the SCP stops even it.
            identity: [
                {
                    name: "AdministratorAccess",
                    source: "builder",
                    origin: "AWS managed policy AdministratorAccess (Allow * on *)",
                    document: policyDocument([{ Effect: "Allow", Action: "*", Resource: "*" }]),
                },
            ],
        },
        perimeter,
        packages,
    };
}

// ---------------------------------------------------------------------------------------------
// Rows

const tls = { "aws:SecureTransport": "true" };

/**
 * A package version ARN (format/namespace/name). PyPI packages have an empty namespace
 * (`pypi//requests`), which the simulator's ARN matcher rejects; a generic package exercises the
 * same `package/<domain>/<repository>/*` statements.
 */
const PACKAGE = "generic/secure-ds/requests";

/** Set per stack: AWS adds aws:PrincipalOrgID to every request of an organisation member. */
let ORGANIZATION_ID: string | undefined;

function principalContext(arn: string, account: string, extra: Record<string, string | string[]> = {}): Record<string, string | string[]> {
    return {
        "aws:PrincipalArn": arn,
        "aws:PrincipalAccount": account,
        ...(ORGANIZATION_ID ? { "aws:PrincipalOrgID": ORGANIZATION_ID } : {}),
        ...tls,
        ...extra,
    };
}

function ipv4ToInt(ip: string): number {
    return ip.split(".").reduce((acc, octet) => acc * 256 + Number(octet), 0);
}

function inCidr(ip: string, cidr: string): boolean {
    const [base, bits] = cidr.split("/");
    const size = 2 ** (32 - Number(bits));
    const start = Math.floor(ipv4ToInt(base) / size) * size;
    return ipv4ToInt(ip) >= start && ipv4ToInt(ip) < start + size;
}

/** The first candidate not covered by any of the ranges (test data must really be "outside"). */
function outside<T>(candidates: T[], covered: (c: T) => boolean, what: string): T {
    const found = candidates.find((c) => !covered(c));
    if (found === undefined) throw new Error(`no ${what} outside the configured ones among ${candidates.join(", ")}`);
    return found;
}

const matchesPattern = (value: string, pattern: string) => new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`).test(value);
const OFF_LIST_INSTANCE_TYPES = ["ml.p5.48xlarge", "ml.trn1.32xlarge", "ml.x1.32xlarge", "ml.p4de.24xlarge"];

/** Every scenario of a stack, from its plan and its stack config. */
export function buildScenarios(stack: string, plan: Plan, rawConfig: Record<string, unknown>): Scenario[] {
    const w = buildWorld(stack, plan, rawConfig);
    ORGANIZATION_ID = w.cfg.organizationId;
    const outsideIp = outside(["192.0.2.77", "198.18.0.9", "100.64.0.9"], (ip) => w.cfg.studio.presignedUrlSourceIps.some((c) => inCidr(ip, c)), "address");
    const offList = (allowed: string[]) => outside(OFF_LIST_INSTANCE_TYPES, (t) => allowed.some((p) => matchesPattern(t, p)), "instance type");
    if (w.teams.length < 2) throw new Error(`stack ${stack}: the IAM proofs need two teams to prove team isolation; the stack config has ${w.teams.length}`);
    const rows: Scenario[] = [];
    const pairs: [TeamWorld, TeamWorld][] = [
        [w.teams[0], w.teams[1]],
        [w.teams[1], w.teams[0]],
    ];
    const sm = (resource: string) => `arn:${w.partition}:sagemaker:${w.region}:${w.workload}:${resource}`;
    const corporateIp = w.cfg.studio.presignedUrlSourceIps[0]?.replace(/\.0\/\d+$/, ".10");

    // ---- Studio access (I1, N8) and images (I6, I7, G2)
    for (const [t, o] of pairs) {
        const human = t.roleArn("scientist");
        const perimeter = w.perimeter(t);
        const identity = [...t.identity("scientist"), perimeter];
        // The domain id the perimeter names (the deployed domain's, or the builder's placeholder).
        const own = perimeter.document.Statement.find((x) => x.Sid === "OpenOwnStudioProfile");
        const ownResource = [own?.Resource ?? []].flat()[0] ?? "";
        const domainId = /:user-profile\/([^/]+)\//.exec(ownResource)?.[1] ?? FAKE.domainId;
        const profile = (user: string) => sm(`user-profile/${domainId}/${user}`);
        const studio = (extra: Record<string, string | string[]>, user = t.scientist, tag: string | undefined = user) =>
            principalContext(human, w.workload, {
                "aws:PrincipalTag/studiouserid": t.scientist,
                ...(tag !== undefined ? { "sagemaker:ResourceTag/studiouserid": tag } : {}),
                ...extra,
            });
        const viaEndpoint = { "aws:SourceVpce": w.studioEndpointId, "aws:SourceVpc": FAKE.vpcId };
        const base = { area: "Studio access" as const, identity, boundary: t.boundary, scps: w.scps };
        if (corporateIp) {
            rows.push({
                ...base,
                id: `studio-own-profile-corporate-ip/${t.name}`,
                title: `${t.scientist} (${t.name}) opens their own Studio profile from the corporate network`,
                controls: ["I1", "N8"],
                expected: "Allowed",
                required: "a data scientist opens their own profile: allowed",
                request: {
                    principal: human,
                    action: "sagemaker:CreatePresignedDomainUrl",
                    resource: profile(t.scientist),
                    resourceAccount: w.workload,
                    context: studio({ "aws:SourceIp": corporateIp }),
                },
            });
            rows.push({
                ...base,
                id: `studio-outside-ip/${t.name}`,
                title: `${t.scientist} (${t.name}) opens their own profile from an address outside the corporate ranges`,
                controls: ["N8"],
                expected: "ExplicitlyDenied",
                decidedBy: "DenyPresignedUrlOutsideCorporateNetworkOrVpce",
                required: "from outside the allowed IPs or the VPC endpoint: denied",
                request: {
                    principal: human,
                    action: "sagemaker:CreatePresignedDomainUrl",
                    resource: profile(t.scientist),
                    resourceAccount: w.workload,
                    context: studio({ "aws:SourceIp": outsideIp }),
                },
            });
        }
        rows.push({
            ...base,
            id: `studio-own-profile-vpce/${t.name}`,
            title: `${t.scientist} (${t.name}) opens their own Studio profile through the platform's Studio VPC endpoint`,
            controls: ["I1", "N8"],
            expected: "Allowed",
            required: corporateIp ? undefined : "a data scientist opens their own profile: allowed",
            request: {
                principal: human,
                action: "sagemaker:CreatePresignedDomainUrl",
                resource: profile(t.scientist),
                resourceAccount: w.workload,
                context: studio(viaEndpoint),
            },
            endpointPolicies: w.endpoint("studio"),
        });
        rows.push({
            ...base,
            id: `studio-foreign-vpce/${t.name}`,
            title: `${t.scientist} (${t.name}) opens their own profile through a VPC endpoint that is not the platform's`,
            controls: ["N8"],
            expected: "ExplicitlyDenied",
            decidedBy: "DenyPresignedUrlOutsideCorporateNetworkOrVpce",
            required: corporateIp ? undefined : "from outside the allowed IPs or the VPC endpoint: denied",
            request: {
                principal: human,
                action: "sagemaker:CreatePresignedDomainUrl",
                resource: profile(t.scientist),
                resourceAccount: w.workload,
                context: studio({ "aws:SourceVpce": "vpce-0attacker0000000", "aws:SourceVpc": "vpc-0attacker" }),
            },
        });
        if (t.otherScientist) {
            rows.push({
                ...base,
                id: `studio-teammate-profile/${t.name}`,
                title: `${t.scientist} (${t.name}) opens the profile of teammate ${t.otherScientist}`,
                controls: ["I1"],
                expected: "ExplicitlyDenied",
                decidedBy: "DenyOtherUsersProfiles",
                required: "another user's profile: denied",
                request: {
                    principal: human,
                    action: "sagemaker:CreatePresignedDomainUrl",
                    resource: profile(t.otherScientist),
                    resourceAccount: w.workload,
                    context: studio(viaEndpoint, t.otherScientist),
                },
                endpointPolicies: w.endpoint("studio"),
            });
        }
        rows.push({
            ...base,
            id: `studio-other-team-profile/${t.name}`,
            title: `${t.scientist} (${t.name}) opens the profile of ${o.scientist} (${o.name})`,
            controls: ["I1"],
            expected: "ExplicitlyDenied",
            decidedBy: "DenyOtherUsersProfiles",
            required: t.otherScientist ? undefined : "another user's profile: denied",
            request: {
                principal: human,
                action: "sagemaker:CreatePresignedDomainUrl",
                resource: profile(o.scientist),
                resourceAccount: w.workload,
                context: studio(viaEndpoint, o.scientist),
            },
            endpointPolicies: w.endpoint("studio"),
        });
        // N8, I1: the SAML broker's session. The broker assumes the team role with the asserted user's
        // studiouserid tag and source identity and calls through the SageMaker API endpoint of the
        // data VPC (the Lambda runs there), so the team perimeter binds it as it binds the user.
        const viaApiEndpoint = { "aws:SourceVpce": w.apiEndpointId, "aws:SourceVpc": FAKE.vpcId, "aws:SourceIdentity": t.scientist };
        const brokerRequest = (user: string, context: Record<string, string | string[]>) => ({
            principal: human,
            action: "sagemaker:CreatePresignedDomainUrl",
            resource: profile(user),
            resourceAccount: w.workload,
            context: studio(context, user),
        });
        rows.push({
            ...base,
            id: `broker-asserted-user-profile/${t.name}`,
            title: `The SAML broker, as ${t.scientist} (${t.name}) after a valid assertion, opens ${t.scientist}'s profile through the SageMaker API endpoint`,
            controls: ["I1", "N8"],
            expected: "Allowed",
            request: brokerRequest(t.scientist, viaApiEndpoint),
            endpointPolicies: w.endpoint("sagemaker-api"),
        });
        rows.push({
            ...base,
            id: `broker-other-user-profile/${t.name}`,
            title: `The SAML broker, as ${t.scientist} (${t.name}), opens the profile of ${o.scientist} (${o.name}), whom it did not assert`,
            controls: ["I1"],
            expected: "ExplicitlyDenied",
            decidedBy: "DenyOtherUsersProfiles",
            request: brokerRequest(o.scientist, viaApiEndpoint),
            endpointPolicies: w.endpoint("sagemaker-api"),
        });
        rows.push({
            ...base,
            id: `broker-internet-path/${t.name}`,
            title: `A session as ${t.scientist} (${t.name}) opens their own profile over the internet (no VPC endpoint, an outside address)`,
            controls: ["N8"],
            expected: "ExplicitlyDenied",
            decidedBy: "DenyPresignedUrlOutsideCorporateNetworkOrVpce",
            request: brokerRequest(t.scientist, { "aws:SourceIp": outsideIp, "aws:SourceIdentity": t.scientist }),
        });
        // The broker role's own reach (samlBrokerRolePolicy): a team role only as one of that team's
        // users, and no Studio action of its own. Where the stack configures the broker
        // (access.samlBroker), its policy and the served team roles' trust are the plan's, and the
        // trust (which names the broker role by ARN) is evaluated too; elsewhere the policy is the
        // builder's with every team, and only the broker's side is proven.
        const broker = w.samlBroker;
        const brokerRole = broker.roleArn;
        const brokerPolicy = broker.policy;
        const brokerAssume = (user: string) => ({
            principal: brokerRole,
            action: "sts:AssumeRole",
            resource: human,
            resourceAccount: w.workload,
            context: principalContext(brokerRole, w.workload, { "aws:RequestTag/studiouserid": user, "aws:TagKeys": ["studiouserid"] }),
        });
        if (broker.serves(t.name)) {
            rows.push({
                area: "Studio access",
                identity: [brokerPolicy],
                scps: w.scps,
                resourcePolicy: broker.trust(t),
                id: `broker-assumes-team-role-as-member/${t.name}`,
                title: `The SAML broker role assumes the ${t.name} data-scientist role tagged as ${t.scientist}, a user of the team`,
                controls: ["I1", "I5"],
                expected: "Allowed",
                request: brokerAssume(t.scientist),
            });
            rows.push({
                area: "Studio access",
                identity: [brokerPolicy],
                scps: w.scps,
                resourcePolicy: broker.trust(t),
                id: `broker-assumes-team-role-as-outsider/${t.name}`,
                title: `The SAML broker role assumes the ${t.name} data-scientist role tagged as ${o.scientist}, a user of ${o.name}`,
                controls: ["I1"],
                expected: "ImplicitlyDenied",
                request: brokerAssume(o.scientist),
            });
        } else {
            rows.push({
                area: "Studio access",
                identity: [brokerPolicy],
                scps: w.scps,
                resourcePolicy: broker.trust(t),
                id: `broker-assumes-unserved-team-role/${t.name}`,
                title: `The SAML broker role assumes the ${t.name} data-scientist role (a team it does not serve) tagged as ${t.scientist}, a user of that team`,
                controls: ["I1"],
                expected: "ImplicitlyDenied",
                request: brokerAssume(t.scientist),
            });
        }
        rows.push({
            area: "Studio access",
            identity: [brokerPolicy],
            scps: w.scps,
            id: `broker-role-own-presigned-url/${t.name}`,
            title: `The SAML broker role creates a presigned URL for ${t.scientist} with its own permissions`,
            controls: ["I1"],
            expected: "ImplicitlyDenied",
            request: {
                principal: brokerRole,
                action: "sagemaker:CreatePresignedDomainUrl",
                resource: profile(t.scientist),
                resourceAccount: w.workload,
                context: principalContext(brokerRole, w.workload, viaApiEndpoint),
            },
        });
        rows.push({
            ...base,
            id: `studio-untagged-profile/${t.name}`,
            title: `${t.scientist} (${t.name}) opens a profile that carries no studiouserid tag`,
            controls: ["I1", "I2"],
            expected: "ExplicitlyDenied",
            decidedBy: "DenyOtherUsersProfiles",
            request: {
                principal: human,
                action: "sagemaker:CreatePresignedDomainUrl",
                resource: profile("untagged"),
                resourceAccount: w.workload,
                context: studio(viaEndpoint, "untagged", undefined),
            },
        });
        rows.push({
            ...base,
            area: "Images",
            id: `images-update-app-image-config/${t.name}`,
            title: `${t.scientist} (${t.name}) changes an app image config (UID/GID, entrypoint of every app)`,
            controls: ["I6"],
            expected: "ExplicitlyDenied",
            decidedBy: "DenyAppImageConfigChanges",
            required: "UpdateAppImageConfig by a user: denied",
            request: {
                principal: human,
                action: "sagemaker:UpdateAppImageConfig",
                resource: sm("app-image-config/platform-image"),
                resourceAccount: w.workload,
                context: principalContext(human, w.workload),
            },
        });
        rows.push({
            ...base,
            area: "Images",
            id: `images-unapproved-image/${t.name}`,
            title: `${t.scientist} (${t.name}) starts a Studio app on an image of another account`,
            controls: ["I7"],
            expected: "ExplicitlyDenied",
            decidedBy: "DenyUnapprovedImages",
            request: {
                principal: human,
                action: "sagemaker:CreateApp",
                resource: sm(`app/${domainId}/${t.scientist}/jupyterlab/default`),
                resourceAccount: w.workload,
                context: principalContext(human, w.workload, { "sagemaker:ImageArns": [`arn:${w.partition}:sagemaker:${w.region}:999999999999:image/miner`] }),
            },
        });
        rows.push({
            ...base,
            area: "Images",
            id: `images-instance-type-off-list/${t.name}`,
            title: `${t.scientist} (${t.name}) starts a Studio app on a GPU instance off the allow-list`,
            controls: ["G2"],
            expected: "ExplicitlyDenied",
            decidedBy: "DenyInstanceTypesOffAllowList",
            request: {
                principal: human,
                action: "sagemaker:CreateApp",
                resource: sm(`app/${domainId}/${t.scientist}/jupyterlab/default`),
                resourceAccount: w.workload,
                context: principalContext(human, w.workload, { "sagemaker:InstanceTypes": [offList(w.cfg.studio.instanceTypes)] }),
            },
        });
    }

    // ---- Training jobs by an execution role (N3, E2, E3, E4, G1, G2, G3)
    for (const [t, o] of pairs) {
        const creator = t.roleArn("studio");
        const s = t.scope;
        const good: Record<string, string | string[]> = {
            "sagemaker:VpcSubnets": s.subnetIds,
            "sagemaker:VpcSecurityGroupIds": s.securityGroupIds,
            "sagemaker:VolumeKmsKeyArn": s.kmsKeyArn,
            "sagemaker:OutputKmsKeyArn": s.kmsKeyArn,
            "sagemaker:InterContainerTrafficEncryption": "true",
            "sagemaker:InstanceTypes": [s.jobInstanceTypes[0]],
            "sagemaker:MaxRuntimeInSeconds": String(Math.min(3600, s.maxJobRuntimeSeconds)),
            ...(s.networkIsolation ? { "sagemaker:NetworkIsolation": "true" } : {}),
            "aws:RequestTag/team": t.name,
            "aws:RequestTag/environment": w.cfg.environment,
            "aws:RequestTag/owner": "owner@example.com",
            "aws:RequestTag/cost-center": "cc-1",
            "aws:TagKeys": ["team", "environment", "owner", "cost-center"],
        };
        const without = (...keys: string[]) => Object.fromEntries(Object.entries(good).filter(([k]) => !keys.includes(k)));
        const job = (
            id: string,
            title: string,
            controls: string[],
            expected: Decision,
            context: Record<string, string | string[]>,
            decidedBy?: string,
            required?: string,
            principal = creator,
            kind: TeamRoleKind = "studio",
        ): Scenario => ({
            id: `${id}/${t.name}`,
            area: "Training jobs",
            title,
            controls,
            expected,
            decidedBy,
            required,
            request: {
                principal,
                action: "sagemaker:CreateTrainingJob",
                resource: sm(`training-job/${t.name}-job`),
                resourceAccount: w.workload,
                context: principalContext(principal, w.workload, context),
            },
            identity: t.identity(kind),
            boundary: t.boundary,
            scps: w.scps,
        });
        const who = `${t.name}'s Studio execution role`;
        rows.push(
            job(
                "training-no-vpc",
                `${who} starts a training job without VPC subnets and security groups`,
                ["N3"],
                "ExplicitlyDenied",
                without("sagemaker:VpcSubnets", "sagemaker:VpcSecurityGroupIds"),
                "DenyJobsWithoutVpcSubnets",
                "CreateTrainingJob without VPC: denied",
            ),
        );
        rows.push(
            job(
                "training-no-kms",
                `${who} starts a training job in the VPC without volume and output keys`,
                ["E2", "E3"],
                "ExplicitlyDenied",
                without("sagemaker:VolumeKmsKeyArn", "sagemaker:OutputKmsKeyArn"),
                "DenyJobsWithoutVolumeKmsKey",
                "with VPC but no KMS: denied",
            ),
        );
        rows.push(
            job(
                "training-no-ice",
                `${who} starts a distributed training job without inter-container traffic encryption`,
                ["E4"],
                "ExplicitlyDenied",
                without("sagemaker:InterContainerTrafficEncryption"),
                "DenyMissingInterContainerEncryption",
                "without inter-container encryption: denied",
            ),
        );
        rows.push(
            job(
                "training-ice-false",
                `${who} starts a training job with inter-container encryption explicitly off`,
                ["E4"],
                "ExplicitlyDenied",
                { ...good, "sagemaker:InterContainerTrafficEncryption": "false" },
                "DenyUnencryptedInterContainerTraffic",
            ),
        );
        rows.push(
            job(
                "training-compliant",
                `${who} starts a training job in the team's subnets, with the team key, encrypted inter-container traffic, an allowed instance type and the mandatory tags`,
                ["N3", "E2", "E3", "E4", "G1", "G2", "G3"],
                "Allowed",
                good,
                undefined,
                "with all of them: allowed",
            ),
        );
        rows.push(
            job(
                "training-instance-off-list",
                `${who} starts a training job on an instance type off the allow-list`,
                ["G2"],
                "ExplicitlyDenied",
                { ...good, "sagemaker:InstanceTypes": [offList(s.jobInstanceTypes)] },
                "DenyJobInstanceTypesOffAllowList",
                "with an instance type off the allow-list: denied",
            ),
        );
        rows.push(
            job(
                "training-foreign-subnet",
                `${who} starts a training job in a subnet outside the platform`,
                ["N3"],
                "ExplicitlyDenied",
                { ...good, "sagemaker:VpcSubnets": ["subnet-0attacker"] },
                "DenyJobsOutsidePlatformSubnets",
            ),
        );
        rows.push(
            job(
                "training-other-team-key",
                `${who} encrypts a training job with ${o.name}'s key`,
                ["E3"],
                "ExplicitlyDenied",
                { ...good, "sagemaker:VolumeKmsKeyArn": o.scope.kmsKeyArn, "sagemaker:OutputKmsKeyArn": o.scope.kmsKeyArn },
                "DenyJobsWithForeignVolumeKey",
            ),
        );
        rows.push(
            job(
                "training-over-max-runtime",
                `${who} starts a training job longer than the team's maximum runtime`,
                ["G3"],
                "ExplicitlyDenied",
                { ...good, "sagemaker:MaxRuntimeInSeconds": String(s.maxJobRuntimeSeconds + 1) },
                "DenyJobsOverMaxRuntime",
            ),
        );
        rows.push(
            job(
                "training-untagged",
                `${who} starts a training job without the cost-center tag`,
                ["G1"],
                "ExplicitlyDenied",
                without("aws:RequestTag/cost-center"),
                "DenyCreateWithoutTagcostcenter",
            ),
        );
        rows.push(
            job(
                "training-by-training-role",
                `${t.name}'s training role (the job's own role) starts another training job`,
                ["I3"],
                "ExplicitlyDenied",
                good,
                "DenyCreateExceptGuardrailedRoles",
                undefined,
                t.roleArn("training"),
                "training",
            ),
        );
    }

    // ---- Domain creation under the SCP (N1, N2, E1, E5) and notebook instances (N5, I9)
    {
        const d = w.deployer;
        const good: Record<string, string | string[]> = {
            "sagemaker:AppNetworkAccessType": "VpcOnly",
            "sagemaker:VpcSubnets": FAKE.subnets,
            "sagemaker:VpcSecurityGroupIds": FAKE.securityGroups,
            "sagemaker:VolumeKmsKeyArn": `arn:${w.partition}:kms:${w.region}:${w.workload}:key/studio-home`,
            "sagemaker:DomainSharingOutputKmsKeyArn": `arn:${w.partition}:kms:${w.region}:${w.workload}:key/studio-home`,
            "sagemaker:InstanceTypes": [w.cfg.studio.instanceTypes[0]],
        };
        const without = (...keys: string[]) => Object.fromEntries(Object.entries(good).filter(([k]) => !keys.includes(k)));
        const domain = (
            id: string,
            title: string,
            controls: string[],
            expected: Decision,
            action: string,
            context: Record<string, string | string[]>,
            decidedBy?: string,
            required?: string,
        ): Scenario => ({
            id,
            area: "Domain creation",
            title,
            controls,
            expected,
            decidedBy,
            required,
            request: {
                principal: d.arn,
                action,
                resource: sm(action === "sagemaker:CreateDomain" ? "domain/new" : `domain/${FAKE.domainId}`),
                resourceAccount: w.workload,
                context: principalContext(d.arn, w.workload, context),
            },
            identity: d.identity,
            scps: w.scps,
        });
        rows.push(
            domain(
                "domain-public-internet",
                "An administrator creates a Studio domain in PublicInternetOnly mode",
                ["N1"],
                "ExplicitlyDenied",
                "sagemaker:CreateDomain",
                { ...good, "sagemaker:AppNetworkAccessType": "PublicInternetOnly" },
                "DenyDomainWithoutVpcOnly",
                "CreateDomain PublicInternetOnly: denied",
            ),
        );
        rows.push(
            domain(
                "domain-network-mode-omitted",
                "An administrator creates a domain without naming the network mode (the API default is PublicInternetOnly)",
                ["N1"],
                "ExplicitlyDenied",
                "sagemaker:CreateDomain",
                without("sagemaker:AppNetworkAccessType"),
                "DenyDomainWithoutVpcOnly",
            ),
        );
        rows.push(
            domain(
                "domain-no-kms",
                "An administrator creates a VpcOnly domain without a KMS key for the home file system",
                ["E1"],
                "ExplicitlyDenied",
                "sagemaker:CreateDomain",
                without("sagemaker:VolumeKmsKeyArn"),
                "DenyDomainWithoutEfsKmsKey",
                "without a KMS key: denied",
            ),
        );
        rows.push(
            domain(
                "domain-no-subnets",
                "An administrator creates a VpcOnly domain without subnets",
                ["N2"],
                "ExplicitlyDenied",
                "sagemaker:CreateDomain",
                without("sagemaker:VpcSubnets"),
                "DenyDomainWithoutSubnets",
            ),
        );
        rows.push(
            domain(
                "domain-no-security-groups",
                "An administrator creates a VpcOnly domain without security groups",
                ["N2"],
                "ExplicitlyDenied",
                "sagemaker:CreateDomain",
                without("sagemaker:VpcSecurityGroupIds"),
                "DenyDomainWithoutSecurityGroups",
            ),
        );
        rows.push(
            domain(
                "domain-no-sharing-key",
                "An administrator creates a domain without a key for notebook sharing output",
                ["E5"],
                "ExplicitlyDenied",
                "sagemaker:CreateDomain",
                without("sagemaker:DomainSharingOutputKmsKeyArn"),
                "DenyDomainWithoutSharingKmsKey",
            ),
        );
        rows.push(
            domain(
                "domain-compliant",
                "An administrator creates a VpcOnly domain with subnets, security groups and customer keys",
                ["N1", "N2", "E1", "E5"],
                "Allowed",
                "sagemaker:CreateDomain",
                good,
            ),
        );
        rows.push(
            domain(
                "domain-update-to-public",
                "An administrator switches an existing domain to PublicInternetOnly",
                ["N1"],
                "ExplicitlyDenied",
                "sagemaker:UpdateDomain",
                { "sagemaker:AppNetworkAccessType": "PublicInternetOnly" },
                "DenyDomainUpdateToPublicInternet",
            ),
        );
        rows.push(
            domain(
                "domain-update-other-setting",
                "An administrator updates a domain setting without touching the network mode",
                ["N1"],
                "Allowed",
                "sagemaker:UpdateDomain",
                { "sagemaker:InstanceTypes": [w.cfg.studio.instanceTypes[0]] },
            ),
        );
        const nb = (
            id: string,
            title: string,
            controls: string[],
            expected: Decision,
            context: Record<string, string | string[]>,
            decidedBy?: string,
        ): Scenario => ({
            ...domain(id, title, controls, expected, "sagemaker:CreateNotebookInstance", context, decidedBy),
            area: "Notebook instances",
            request: {
                principal: d.arn,
                action: "sagemaker:CreateNotebookInstance",
                resource: sm("notebook-instance/nb"),
                resourceAccount: w.workload,
                context: principalContext(d.arn, w.workload, context),
            },
        });
        const nbGood: Record<string, string | string[]> = {
            "sagemaker:DirectInternetAccess": "Disabled",
            "sagemaker:RootAccess": "Disabled",
            "sagemaker:VpcSubnets": [FAKE.subnets[0]],
            "sagemaker:VpcSecurityGroupIds": FAKE.securityGroups,
            "sagemaker:VolumeKmsKeyArn": good["sagemaker:VolumeKmsKeyArn"] as string,
            "sagemaker:InstanceTypes": [w.cfg.studio.instanceTypes[0]],
        };
        rows.push(
            nb(
                "notebook-direct-internet",
                "An administrator creates a notebook instance with direct internet access",
                ["N5"],
                "ExplicitlyDenied",
                { ...nbGood, "sagemaker:DirectInternetAccess": "Enabled" },
                "DenyNotebookDirectInternet",
            ),
        );
        rows.push(
            nb(
                "notebook-root-access",
                "An administrator creates a notebook instance with root access",
                ["I9"],
                "ExplicitlyDenied",
                { ...nbGood, "sagemaker:RootAccess": "Enabled" },
                "DenyNotebookRootAccess",
            ),
        );
        rows.push(
            nb(
                "notebook-compliant",
                "An administrator creates a notebook instance in the VPC, encrypted, without internet or root",
                ["N3", "N5", "I9", "E2"],
                "Allowed",
                nbGood,
            ),
        );
    }

    // ---- Team data (N10, E7, I4) and keys
    for (const [t, o] of pairs) {
        const role = t.roleArn("studio");
        const identity = t.identity("studio");
        const s3 = (purpose: "data" | "models" | "outputs", team: TeamWorld, key: string) => `${team.bucketArn(purpose)}/${key}`;
        const throughEndpoint = { "aws:SourceVpce": w.s3EndpointId, "aws:SourceVpc": FAKE.vpcId };
        const data = (
            id: string,
            title: string,
            controls: string[],
            expected: Decision,
            action: string,
            bucketTeam: TeamWorld,
            context: Record<string, string | string[]>,
            opts: { decidedBy?: string; required?: string; defect?: Scenario["defect"]; viaEndpoint?: boolean } = {},
        ): Scenario => ({
            id: `${id}/${t.name}`,
            area: "Team data",
            title,
            controls,
            expected,
            decidedBy: opts.decidedBy,
            required: opts.required,
            defect: opts.defect,
            request: {
                principal: role,
                action,
                resource: s3("data", bucketTeam, "train/part-0000.csv"),
                resourceAccount: w.workload,
                context: principalContext(role, w.workload, context),
            },
            identity,
            boundary: t.boundary,
            scps: w.scps,
            resourcePolicy: bucketTeam.bucketPolicy("data"),
            endpointPolicies: opts.viaEndpoint === false ? undefined : w.endpoint("s3"),
        });
        const who = `${t.name}'s Studio execution role`;
        rows.push(
            data(
                "data-read-other-team",
                `${who} reads an object of ${o.name}'s data bucket through the S3 endpoint`,
                ["I3", "N10"],
                "ExplicitlyDenied",
                "s3:GetObject",
                o,
                throughEndpoint,
                { decidedBy: "DenyDataAccessOutsideTeam", required: "team A reads team B's bucket: denied" },
            ),
        );
        rows.push(
            data(
                "data-write-other-team",
                `${who} writes into ${o.name}'s data bucket through the S3 endpoint`,
                ["I3"],
                "ExplicitlyDenied",
                "s3:PutObject",
                o,
                { ...throughEndpoint, "s3:x-amz-server-side-encryption": "aws:kms", "s3:x-amz-server-side-encryption-aws-kms-key-id": o.scope.kmsKeyArn },
                { decidedBy: "DenyDataAccessOutsideTeam" },
            ),
        );
        rows.push(
            data(
                "data-read-own-via-endpoint",
                `${who} reads its own data bucket through the S3 gateway endpoint`,
                ["N10"],
                "Allowed",
                "s3:GetObject",
                t,
                throughEndpoint,
                { required: "its own bucket through the VPC endpoint: allowed" },
            ),
        );
        rows.push(
            data(
                "data-read-own-outside-endpoint",
                `${who}'s credentials read its own data bucket from outside the VPC endpoint (e.g. copied to a laptop)`,
                ["N10"],
                "ExplicitlyDenied",
                "s3:GetObject",
                t,
                { "aws:SourceIp": outsideIp },
                { decidedBy: "DenyAccessOutsidePlatformNetwork", required: "its own bucket without it: denied", viaEndpoint: false },
            ),
        );
        rows.push(
            data(
                "data-read-own-no-tls",
                `${who} reads its own data bucket over plain HTTP`,
                ["E7"],
                "ExplicitlyDenied",
                "s3:GetObject",
                t,
                { ...throughEndpoint, "aws:SecureTransport": "false" },
                { decidedBy: "DenyInsecureTransport", required: "without TLS: denied" },
            ),
        );
        rows.push(
            data(
                "data-put-aes256",
                `${who} uploads to its own data bucket asking for SSE-S3 (AES256)`,
                ["E7"],
                "ExplicitlyDenied",
                "s3:PutObject",
                t,
                { ...throughEndpoint, "s3:x-amz-server-side-encryption": "AES256" },
                { decidedBy: "DenyNonKmsEncryptionHeader", required: "PutObject with an AES256 header: denied" },
            ),
        );
        rows.push(
            data("data-put-team-key", `${who} uploads to its own data bucket with SSE-KMS and the team key`, ["E7"], "Allowed", "s3:PutObject", t, {
                ...throughEndpoint,
                "s3:x-amz-server-side-encryption": "aws:kms",
                "s3:x-amz-server-side-encryption-aws-kms-key-id": t.scope.kmsKeyArn,
            }),
        );
        rows.push(
            data(
                "data-put-other-key",
                `${who} uploads to its own data bucket with SSE-KMS and ${o.name}'s key`,
                ["E7"],
                "ExplicitlyDenied",
                "s3:PutObject",
                t,
                { ...throughEndpoint, "s3:x-amz-server-side-encryption": "aws:kms", "s3:x-amz-server-side-encryption-aws-kms-key-id": o.scope.kmsKeyArn },
                { decidedBy: "DenyOtherKmsKey" },
            ),
        );
        rows.push(
            data(
                "data-put-default-encryption",
                `${who} uploads to its own data bucket without an encryption header (the bucket default, the team key, applies)`,
                ["E7"],
                "Allowed",
                "s3:PutObject",
                t,
                throughEndpoint,
            ),
        );
        // Keys
        const kms = (
            id: string,
            title: string,
            expected: Decision,
            keyTeam: TeamWorld,
            context: Record<string, string | string[]>,
            required?: string,
            decidedBy?: string,
        ): Scenario => ({
            id: `${id}/${t.name}`,
            area: "Team data",
            title,
            controls: ["E3", "I3"],
            expected,
            decidedBy,
            required,
            request: {
                principal: role,
                action: "kms:Decrypt",
                resource: keyTeam.scope.kmsKeyArn,
                resourceAccount: w.workload,
                context: principalContext(role, w.workload, context),
            },
            identity,
            boundary: t.boundary,
            scps: w.scps,
            resourcePolicy: keyTeam.keyPolicy,
        });
        rows.push(
            kms(
                "key-use-other-team",
                `${who} decrypts with ${o.name}'s key (through S3)`,
                "ImplicitlyDenied",
                o,
                { "kms:ViaService": `s3.${w.region}.amazonaws.com`, "kms:CallerAccount": w.workload, "aws:ViaAWSService": "true" },
                "using team B's key: denied",
            ),
        );
        rows.push(
            kms("key-use-own-via-s3", `${who} decrypts an object of its own bucket with the team key (through S3)`, "Allowed", t, {
                "kms:ViaService": `s3.${w.region}.amazonaws.com`,
                "kms:CallerAccount": w.workload,
                "aws:ViaAWSService": "true",
            }),
        );
        // PassRole (I4)
        const pass = (id: string, title: string, expected: Decision, target: string, service: string, required?: string, decidedBy?: string): Scenario => ({
            id: `${id}/${t.name}`,
            area: "Team data",
            title,
            controls: ["I4"],
            expected,
            required,
            decidedBy,
            request: {
                principal: role,
                action: "iam:PassRole",
                resource: target,
                resourceAccount: w.workload,
                context: principalContext(role, w.workload, { "iam:PassedToService": service }),
            },
            identity,
            boundary: t.boundary,
            scps: w.scps,
        });
        const sagemaker = `sagemaker.amazonaws.com${w.partition === "aws-cn" ? ".cn" : ""}`;
        rows.push(
            pass(
                "passrole-other-team",
                `${who} passes ${o.name}'s training role to SageMaker`,
                "ImplicitlyDenied",
                o.roleArn("training"),
                sagemaker,
                "PassRole of another team's role: denied",
            ),
        );
        rows.push(pass("passrole-own-training", `${who} passes its own training role to SageMaker`, "Allowed", t.roleArn("training"), sagemaker));
        // Nothing allows it: every PassRole Allow (role policy and boundary) requires iam:PassedToService = SageMaker.
        rows.push(pass("passrole-own-to-ec2", `${who} passes its own training role to EC2`, "ImplicitlyDenied", t.roleArn("training"), "ec2.amazonaws.com"));
        rows.push(pass("passrole-human-role", `${who} passes the team's admin role to SageMaker`, "ImplicitlyDenied", t.roleArn("admin"), sagemaker));
    }

    // ---- Packages (S1, S3)
    {
        const p = w.packages;
        for (const t of w.teams) {
            const ds = t.roleArn("studio");
            const identity = t.identity("studio");
            const pkg = (
                id: string,
                title: string,
                controls: string[],
                expected: Decision,
                action: string,
                resource: string,
                policy: SourcedPolicy,
                decidedBy?: string,
                required?: string,
            ): Scenario => ({
                id: `${id}/${t.name}`,
                area: "Packages",
                title,
                controls,
                expected,
                decidedBy,
                required,
                request: {
                    principal: ds,
                    action,
                    resource,
                    resourceAccount: w.shared,
                    context: principalContext(ds, w.workload, { "aws:SourceVpce": w.apiEndpointId }),
                },
                identity,
                boundary: t.boundary,
                scps: w.scps,
                resourcePolicy: policy,
                endpointPolicies: w.endpoint("codeartifact-repositories"),
            });
            const approvedPackage = p.approvedPackages.replace(/\*$/, PACKAGE);
            rows.push(
                pkg(
                    "packages-ds-publish-approved",
                    `A data scientist's Studio role (${t.name}) publishes a package version to approved`,
                    ["S3"],
                    "ExplicitlyDenied",
                    "codeartifact:PublishPackageVersion",
                    approvedPackage,
                    p.approvedPolicy,
                    "DenyPublishExceptPublisher",
                    "publishing to approved as a data scientist: denied",
                ),
            );
            rows.push(
                pkg(
                    "packages-ds-read-public",
                    `A data scientist's Studio role (${t.name}) reads the unscanned public-pypi repository`,
                    ["S1", "S2"],
                    "ExplicitlyDenied",
                    "codeartifact:ReadFromRepository",
                    p.upstreamArn,
                    p.upstreamPolicy,
                    "DenyReadExceptScanner",
                    "reading public-pypi as a data scientist: denied",
                ),
            );
            rows.push(
                pkg(
                    "packages-ds-read-approved",
                    `A data scientist's Studio role (${t.name}) installs from approved`,
                    ["S1"],
                    "Allowed",
                    "codeartifact:ReadFromRepository",
                    p.approvedArn,
                    p.approvedPolicy,
                ),
            );
        }
        const pub = (
            id: string,
            title: string,
            expected: Decision,
            action: string,
            resource: string,
            policy: SourcedPolicy,
            decidedBy?: string,
            required?: string,
        ): Scenario => ({
            id,
            area: "Packages",
            title,
            controls: ["S3"],
            expected,
            decidedBy,
            required,
            request: { principal: p.publisherArn, action, resource, resourceAccount: w.shared, context: principalContext(p.publisherArn, w.shared) },
            identity: p.publisherIdentity,
            resourcePolicy: policy,
        });
        const approvedPackage = p.approvedPackages.replace(/\*$/, PACKAGE);
        rows.push(
            pub(
                "packages-publisher-publish-approved",
                "The scan pipeline's publish role publishes a scanned package to approved",
                "Allowed",
                "codeartifact:PublishPackageVersion",
                approvedPackage,
                p.approvedPolicy,
                undefined,
                "as the pipeline's publish role: allowed",
            ),
        );
        rows.push(
            pub(
                "packages-publisher-delete-approved",
                "The publish role deletes a package version from approved",
                "ExplicitlyDenied",
                "codeartifact:DeletePackageVersions",
                approvedPackage,
                p.approvedPolicy,
                "DenyDeleteAndRewrite",
            ),
        );
        rows.push(
            pub(
                "packages-publisher-publish-public",
                "The publish role publishes into public-pypi",
                "ExplicitlyDenied",
                "codeartifact:PublishPackageVersion",
                p.upstreamPackages.replace(/\*$/, PACKAGE),
                p.upstreamPolicy,
                "DenyPublish",
            ),
        );
    }

    // ---- The package gate's toolchain and signature mirror (S2, S3): tools/iam/gateScenarios.ts
    if (w.cfg.packages.enabled && plan.resources.some((r) => r.type === "secure-ds:packages:ClamavSignatureMirror")) {
        rows.push(
            ...gateScenarios({
                partition: w.partition,
                region: w.region,
                shared: w.shared,
                prefix: `${w.cfg.organization}-${w.cfg.environment}`,
                resources: plan.resources,
            }),
        );
    }
    // ---- Pipeline roles (I13) and the audit archive (G11, I12): tools/iam/pipelineScenarios.ts
    rows.push(...pipelineScenarios(pipelineWorld(w, plan)));
    // ---- Attack rows of keys and logging (tools/iam/attackRowsNetwork.ts)
    rows.push(
        ...keyAdministrationRows({
            partition: w.partition,
            region: w.region,
            workload: w.workload,
            keyArn: w.teams[0].scope.kmsKeyArn,
            keyPolicy: w.teams[0].keyPolicy,
            administrators: keyAdministrators(w.cfg.accounts.workload),
            scps: w.scps,
            principalContext: (arn, extra) => principalContext(arn, w.workload, extra),
        }),
    );
    rows.push(
        ...loggingTamperRows({
            partition: w.partition,
            region: w.region,
            workload: w.workload,
            namePrefix: `${w.cfg.organization}-${w.cfg.environment}`,
            deployer: w.deployer.arn,
            baselineScps: baselineScps(w),
            principalContext: (arn, extra) => principalContext(arn, w.workload, extra),
        }),
    );

    // ---- The attacker section and the Studio launch walk-through (attackScenarios.ts)
    const attackTeams: AttackTeam[] = w.teams.map((t) => {
        const own = w.perimeter(t).document.Statement.find((x) => x.Sid === "OpenOwnStudioProfile");
        const domainId = /:user-profile\/([^/]+)\//.exec([own?.Resource ?? []].flat()[0] ?? "")?.[1] ?? FAKE.domainId;
        return {
            name: t.name,
            scientist: t.scientist,
            otherScientist: t.otherScientist,
            roleArn: (kind) => t.roleArn(kind),
            delegatedRolePath: t.scope.delegatedRolePath,
            bucketArn: (purpose) => t.bucketArn(purpose),
            kmsKeyArn: t.scope.kmsKeyArn,
            subnetIds: t.scope.subnetIds,
            securityGroupIds: t.scope.securityGroupIds,
            jobInstanceTypes: t.scope.jobInstanceTypes,
            maxJobRuntimeSeconds: t.scope.maxJobRuntimeSeconds,
            networkIsolation: t.scope.networkIsolation,
            identity: (kind) => t.identity(kind),
            boundary: t.boundary,
            bucketPolicy: (purpose) => t.bucketPolicy(purpose),
            domainId,
        };
    });
    rows.push(
        ...attackScenarios(
            {
                partition: w.partition,
                region: w.region,
                workload: w.workload,
                environment: w.cfg.environment,
                studioInstanceTypes: w.cfg.studio.instanceTypes,
                s3EndpointId: w.s3EndpointId,
                vpcId: FAKE.vpcId,
                scps: w.scps,
                rcps: w.rcps,
                deployer: w.deployer,
                endpoint: (service) => w.endpoint(service),
                permissionSet: w.permissionSet,
                principalContext,
                outsideIp,
                corporateIp,
                sdkTags: w.sdkTags,
            },
            attackTeams,
        ),
    );
    return rows;
}

/**
 * The accounts of the per-account stacks in this stack config. The log-archive account is the
 * shared-services one until the config names its own; a stack config without a management
 * account gets a stand-in, so the rows still prove the roles' own-account rule.
 */
function pipelineWorld(w: World, plan: Plan): Parameters<typeof pipelineScenarios>[0] {
    const management = w.cfg.accounts.management?.accountId ?? "999999999999";
    return {
        stack: w.stack,
        partition: w.partition,
        region: w.region,
        accounts: {
            management,
            "log-archive": w.cfg.accounts.logArchive?.accountId ?? w.shared,
            "shared-services": w.shared,
            workload: w.workload,
            team: w.workload,
            // A stand-in distinct from the others where the directory names no network account (dev).
            network: w.cfg.accounts.network?.accountId ?? "777777777777",
        },
        organizationId: w.cfg.organizationId,
        teamDataBucketArn: w.teams[0].bucketArn("data"),
        archiveAdministrators: keyAdministrators(w.cfg.accounts.logArchive ?? w.cfg.accounts.sharedServices),
        deployers: {
            workload: w.cfg.accounts.workload.assumeRoleArn,
            "shared-services": w.cfg.accounts.sharedServices.assumeRoleArn,
        },
        baselineScps: baselineScps(w),
        resources: plan.resources,
    };
}

/**
 * The member-account baseline SCPs: the plan's where the stack has an organization layer (prod),
 * else the same builder with the stack's config (dev has no management account, so these rows
 * show what the baseline would decide once the accounts join an organisation).
 */
function baselineScps(w: World): SourcedPolicy[] {
    const fromPlan = (w.scps ?? []).filter((p) => p.document.Statement.some((st) => st.Sid === "DenyAuditServiceTampering"));
    if (fromPlan.length > 0) return fromPlan;
    const accounts = w.cfg.accounts;
    const breakGlass =
        w.cfg.governance.breakGlassRoleArnPattern ??
        `arn:${w.partition}:iam::${(accounts.logArchive ?? accounts.sharedServices).accountId}:role/secure-ds-break-glass`;
    const deployRoleArns = Object.values(accounts).flatMap((a) => (a?.assumeRoleArn ? [a.assumeRoleArn] : []));
    const namePrefix = `${w.cfg.organization}-${w.cfg.environment}`;
    // The organisation trail's administrator as the management stack names it (stacks/organization.ts).
    const organizationTrailAdministratorAccountId = organizationTrailOf(w.cfg) ? accounts.logArchive?.accountId : undefined;
    return packStatements(
        `${namePrefix}-baseline`,
        baselineScpStatements([breakGlass], { deployRoleArns, namePrefix, organizationTrailAdministratorAccountId }),
    ).map((p) => ({
        name: `SCP ${p.name}`,
        source: "builder" as const,
        origin: `packStatements("baseline", baselineScpStatements([governance.breakGlassRoleArnPattern], {deployRoleArns, namePrefix})) -> ${p.name}`,
        document: p.document,
    }));
}

/** The platform's baseline access requirements: each must be proved by at least one row. */
export const REQUIRED_ROWS = [
    "a data scientist opens their own profile: allowed",
    "another user's profile: denied",
    "from outside the allowed IPs or the VPC endpoint: denied",
    "CreateTrainingJob without VPC: denied",
    "with VPC but no KMS: denied",
    "without inter-container encryption: denied",
    "with all of them: allowed",
    "with an instance type off the allow-list: denied",
    "CreateDomain PublicInternetOnly: denied",
    "without a KMS key: denied",
    "team A reads team B's bucket: denied",
    "its own bucket through the VPC endpoint: allowed",
    "its own bucket without it: denied",
    "without TLS: denied",
    "PutObject with an AES256 header: denied",
    "using team B's key: denied",
    "PassRole of another team's role: denied",
    "publishing to approved as a data scientist: denied",
    "as the pipeline's publish role: allowed",
    "reading public-pypi as a data scientist: denied",
    "UpdateAppImageConfig by a user: denied",
] as const;
