/**
 * The mock engine: runs the real platform program under Pulumi's mock runtime and records
 * every resource registration as the engine would see it (type, name, parent, provider,
 * inputs, outputs, protect/retainOnDelete/dependsOn, property dependencies). Shared by the
 * tests and by the offline plan command.
 *
 * Recording wraps the mock monitor's registerResource, so the options are the ones actually
 * sent to the engine, not a re-derivation.
 */
import * as pulumi from "@pulumi/pulumi";
import { deserializeProperties } from "@pulumi/pulumi/runtime/rpc";
import * as settings from "@pulumi/pulumi/runtime/settings";
import { mockOutputs } from "./mockState";
import { PlanResource } from "./types";

// waitForRPCs drains the engine's RPC queue; it is marked @internal so it is not in the typings.
const { getMonitor } = settings;
const waitForRPCs = (settings as unknown as { waitForRPCs: () => Promise<void> }).waitForRPCs;

export interface RunOptions {
    project?: string;
    stack: string;
    /** Stack config as in `Pulumi.<stack>.yaml` `config:` (structured values allowed). */
    config: Record<string, unknown>;
    /** The program. Runs inside the stack; its return value becomes the stack outputs. */
    program: () => unknown;
}

export interface RunResult {
    resources: PlanResource[];
    outputs: Record<string, unknown>;
}

interface ProviderInfo {
    accountId: string;
    region: string;
    partition: string;
    layer?: string;
}

// Minimal shapes of the gRPC request/response objects we read (google-protobuf generated code).
interface JspbMap<V> {
    forEach(cb: (value: V, key: string) => void): void;
}
interface RegisterResourceRequest {
    getType(): string;
    getName(): string;
    getParent(): string;
    getCustom(): boolean;
    getObject(): unknown;
    getProtect(): boolean;
    getRetainondelete(): boolean;
    getDependenciesList(): string[];
    getProvider(): string;
    getPropertydependenciesMap(): JspbMap<{ getUrnsList(): string[] }>;
    getIgnorechangesList(): string[];
    getDeletebeforereplace(): boolean;
}
interface RegisterResourceResponse {
    getUrn(): string;
    getId(): string;
    getObject(): unknown;
}
type Callback = (err: unknown, response: RegisterResourceResponse | undefined) => void;
interface MockMonitorLike {
    registerResource(req: RegisterResourceRequest, callback: Callback): Promise<void>;
}

/** Provider config values arrive JSON-encoded (the engine's provider config convention). */
function providerValue(value: unknown): unknown {
    if (typeof value !== "string") return value;
    try {
        return JSON.parse(value);
    } catch {
        return value;
    }
}

function partitionOf(region: string): string {
    return region.startsWith("cn-") ? "aws-cn" : region.includes("-gov-") ? "aws-us-gov" : "aws";
}

/** The provider reference is "<urn>::<id>"; the URN itself contains "::". */
function providerUrn(ref: string): string | undefined {
    if (!ref) return undefined;
    const idx = ref.lastIndexOf("::");
    return idx > 0 ? ref.slice(0, idx) : ref;
}

function plain(value: unknown): unknown {
    return JSON.parse(JSON.stringify(value ?? {}));
}

let running = false;
let lastRun: PlanResource[] = [];

/** Resources recorded by the most recent run, also when it failed (to prove a bad config registered nothing). */
export function lastRunResources(): PlanResource[] {
    return lastRun;
}

/**
 * Runs a program under the mock runtime and returns every recorded resource. Fails loudly when
 * nothing was recorded (a forgotten setMocks fakes silently) or when the program raised an error
 * asynchronously (inside an apply), which the mock runtime would otherwise swallow.
 */
export async function runWithMocks(options: RunOptions): Promise<RunResult> {
    if (running) {
        throw new Error("runWithMocks: a run is already in progress; Pulumi's runtime is process-global, run programs one at a time");
    }
    running = true;
    lastRun = [];
    const providers = new Map<string, ProviderInfo>();
    const records = new Map<string, PlanResource>();
    const order: string[] = [];
    const asyncErrors: unknown[] = [];
    const onRejection = (reason: unknown) => asyncErrors.push(reason);
    process.on("unhandledRejection", onRejection);
    try {
        const config: Record<string, string> = {};
        for (const [key, value] of Object.entries(options.config)) {
            config[key] = typeof value === "string" ? value : JSON.stringify(value);
        }
        pulumi.runtime.setAllConfig(config);

        await pulumi.runtime.setMocks(
            {
                newResource: (args) => {
                    if (args.type.startsWith("pulumi:providers:")) {
                        const inputs = args.inputs as Record<string, unknown>;
                        const allowed = providerValue(inputs.allowedAccountIds);
                        const region = String(providerValue(inputs.region) ?? "us-east-1");
                        return {
                            id: `${args.name}-provider-id`,
                            state: { ...inputs, _account: Array.isArray(allowed) ? String(allowed[0]) : "", _region: region },
                        };
                    }
                    const provider = args.provider ? providers.get(providerUrn(args.provider) ?? "") : undefined;
                    const region = provider?.region ?? "us-east-1";
                    const out = mockOutputs({
                        type: args.type,
                        name: args.name,
                        inputs: args.inputs as Record<string, unknown>,
                        accountId: provider?.accountId ?? "000000000000",
                        region,
                        partition: provider?.partition ?? partitionOf(region),
                    });
                    return { id: out.id, state: out.state };
                },
                call: (args) => {
                    throw new Error(
                        `the program called the data source ${args.token}; secure-ds takes account ids, regions and zones from config so that preview needs no credentials`,
                    );
                },
            },
            options.project ?? "secure-ds",
            options.stack,
            false,
        );

        const monitor = getMonitor() as unknown as MockMonitorLike;
        const original = monitor.registerResource.bind(monitor);
        monitor.registerResource = async (req, callback) => {
            const type = req.getType();
            const inputs = deserializeProperties(req.getObject() as Parameters<typeof deserializeProperties>[0]);
            const propertyDependencies: Record<string, string[]> = {};
            req.getPropertydependenciesMap().forEach((value, key) => {
                const urns = value.getUrnsList();
                if (urns.length > 0) propertyDependencies[key] = urns;
            });
            await original(req, (err, response) => {
                try {
                    if (!err && response) record(response);
                } catch (recordError) {
                    asyncErrors.push(recordError);
                }
                callback(err, response);
            });
            function record(response: RegisterResourceResponse): void {
                const urn = response.getUrn();
                const outputs = deserializeProperties(response.getObject() as Parameters<typeof deserializeProperties>[0]) as Record<string, unknown>;
                const provUrn = providerUrn(req.getProvider());
                if (type.startsWith("pulumi:providers:")) {
                    const region = String(outputs._region ?? "us-east-1");
                    providers.set(urn, {
                        accountId: String(outputs._account ?? ""),
                        region,
                        partition: partitionOf(region),
                        layer: req.getName(),
                    });
                    delete outputs._account;
                    delete outputs._region;
                }
                // A provider's own account is the one it is locked to.
                const provider = type.startsWith("pulumi:providers:") ? providers.get(urn) : provUrn ? providers.get(provUrn) : undefined;
                records.set(urn, {
                    urn,
                    type,
                    name: req.getName(),
                    parent: req.getParent() || undefined,
                    custom: req.getCustom(),
                    provider: provUrn,
                    account: provider?.accountId,
                    layer: provider?.layer,
                    id: response.getId() || undefined,
                    inputs: plain(inputs) as Record<string, unknown>,
                    outputs: plain(outputs) as Record<string, unknown>,
                    options: {
                        protect: req.getProtect(),
                        retainOnDelete: req.getRetainondelete(),
                        dependsOn: req.getDependenciesList().filter((d) => !Object.values(propertyDependencies).some((urns) => urns.includes(d))),
                        ignoreChanges: req.getIgnorechangesList(),
                        deleteBeforeReplace: req.getDeletebeforereplace(),
                    },
                    propertyDependencies,
                });
                order.push(urn);
            }
        };

        // A synchronous program error (e.g. an invalid config) must reach the caller as itself;
        // inside the stack's init it would otherwise become an unhandled rejection.
        let programError: { error: unknown } | undefined;
        const stackOutputs = await pulumi.runtime.runInPulumiStack(async () => {
            try {
                return await options.program();
            } catch (error) {
                programError = { error };
                return undefined;
            }
        });
        await waitForRPCs();
        lastRun = order.map((urn) => records.get(urn)).filter((r): r is PlanResource => r !== undefined);
        if (programError) throw programError.error;
        if (asyncErrors.length > 0) {
            throw asyncErrors[0] instanceof Error ? asyncErrors[0] : new Error(String(asyncErrors[0]));
        }
        const resources = order.map((urn) => records.get(urn)).filter((r): r is PlanResource => r !== undefined);
        if (!resources.some((r) => r.custom)) {
            throw new Error("runWithMocks: the mock engine recorded no cloud resource; was setMocks bypassed or did the program create nothing?");
        }
        inheritAccounts(resources);
        return { resources, outputs: plain(stackOutputs) as Record<string, unknown> };
    } finally {
        process.off("unhandledRejection", onRejection);
        running = false;
    }
}

/** Components get the account of their descendants when all of them share one. */
function inheritAccounts(resources: PlanResource[]): void {
    const children = new Map<string, PlanResource[]>();
    for (const r of resources) {
        if (r.parent) children.set(r.parent, [...(children.get(r.parent) ?? []), r]);
    }
    const accountOf = (r: PlanResource): Set<string> => {
        if (r.custom) return new Set(r.account ? [r.account] : []);
        const set = new Set<string>();
        for (const c of children.get(r.urn) ?? []) for (const a of accountOf(c)) set.add(a);
        if (set.size === 1 && !r.account) {
            r.account = [...set][0];
            const layers = new Set((children.get(r.urn) ?? []).map((c) => c.layer).filter((l): l is string => l !== undefined));
            if (layers.size === 1) r.layer = [...layers][0];
        }
        return set;
    };
    for (const r of resources) if (!r.parent || r.type === "pulumi:pulumi:Stack") accountOf(r);
    for (const r of resources) accountOf(r);
}
