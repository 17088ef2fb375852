/**
 * One policy pack session in the CLI's order (engine/update.go and plugin/analyzer_plugin.go):
 * start, Handshake, ConfigureStack, GetAnalyzerInfo, reconcile and validate the pack config
 * against the policies' schemas, Configure.
 */
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import * as pb from "@pulumi/pulumi/proto/analyzer_pb";
import { EnforcementLevel } from "../types";
import { PolicyConfigEntry, PolicyMeta, ResolvedPolicyConfig, reconcilePackConfig } from "../packConfig";
import { Analyzer } from "./client";
import { PackProcess, PackProcessOptions, PackStartError, startPolicyPack } from "./packProcess";

export const LEVEL_FROM_PB: Record<pb.EnforcementLevel, EnforcementLevel> = {
    [pb.EnforcementLevel.ADVISORY]: "advisory",
    [pb.EnforcementLevel.MANDATORY]: "mandatory",
    [pb.EnforcementLevel.DISABLED]: "disabled",
    [pb.EnforcementLevel.REMEDIATE]: "remediate",
};

const LEVEL_TO_PB: Record<EnforcementLevel, pb.EnforcementLevel> = {
    advisory: pb.EnforcementLevel.ADVISORY,
    mandatory: pb.EnforcementLevel.MANDATORY,
    disabled: pb.EnforcementLevel.DISABLED,
    remediate: pb.EnforcementLevel.REMEDIATE,
};

export interface SessionOptions extends PackProcessOptions {
    /** Stack tags (backend.GetEnvironmentTagsForCurrentStack). */
    tags: Record<string, string>;
    packConfig: Record<string, PolicyConfigEntry>;
    packConfigFile: string;
}

export interface PackSession {
    analyzer: Analyzer;
    process: PackProcess;
    name: string;
    version: string;
    policies: PolicyMeta[];
    config: Record<string, ResolvedPolicyConfig>;
    close(): void;
}

function policyMeta(p: pb.PolicyInfo): PolicyMeta {
    const schema = p.getConfigschema();
    return {
        name: p.getName(),
        enforcementLevel: LEVEL_FROM_PB[p.getEnforcementlevel()],
        ...(schema
            ? {
                  configSchema: {
                      properties: (schema.getProperties()?.toJavaScript() ?? {}) as Record<string, Record<string, unknown>>,
                      required: schema.getRequiredList(),
                  },
              }
            : {}),
    };
}

function entries(map: ReturnType<pb.AnalyzerInfo["getInitialconfigMap"]>): Record<string, PolicyConfigEntry> {
    const out: Record<string, PolicyConfigEntry> = {};
    map.forEach((c, name) => {
        out[name] = { enforcementLevel: LEVEL_FROM_PB[c.getEnforcementlevel()], properties: c.getProperties()?.toJavaScript() ?? {} };
    });
    return out;
}

/**
 * ConfigureStack, as the CLI sends it once per update. Sent again by a session that changes
 * between preview and up (see ./service.ts).
 */
export async function configureStack(analyzer: Analyzer, opts: Omit<SessionOptions, "dryRun">, dryRun: boolean): Promise<void> {
    const cs = new pb.AnalyzerStackConfigureRequest();
    cs.setStack(opts.stack);
    cs.setProject(opts.project);
    cs.setOrganization(opts.organization);
    cs.setDryRun(dryRun);
    for (const [k, v] of Object.entries(opts.config)) cs.getConfigMap().set(k, v);
    for (const [k, v] of Object.entries(opts.tags)) cs.getTagsMap().set(k, v);
    cs.setConfigSecretKeysList([]);
    await analyzer.configureStack(cs);
}

export async function openPackSession(opts: SessionOptions): Promise<PackSession> {
    const process = await startPolicyPack(opts);
    const analyzer = new Analyzer(process.address);
    const close = () => {
        analyzer.close();
        process.stop();
    };
    try {
        const hs = new pb.AnalyzerHandshakeRequest();
        hs.setEngineAddress(opts.engineAddress);
        hs.setRootDirectory(opts.packDir);
        hs.setProgramDirectory(opts.packDir);
        await analyzer.handshake(hs);

        await configureStack(analyzer, opts, opts.dryRun);

        const info = await analyzer.info();
        const policies = info.getPoliciesList().map(policyMeta);
        const config = info.getSupportsconfig()
            ? reconcilePackConfig(policies, entries(info.getInitialconfigMap()), opts.packConfig, opts.packConfigFile)
            : Object.fromEntries(policies.map((p) => [p.name, { enforcementLevel: p.enforcementLevel, properties: {} }]));

        const req = new pb.ConfigureAnalyzerRequest();
        for (const [name, c] of Object.entries(config)) {
            const pc = new pb.PolicyConfig();
            pc.setEnforcementlevel(LEVEL_TO_PB[c.enforcementLevel]);
            pc.setProperties(Struct.fromJavaScript(c.properties as Parameters<typeof Struct.fromJavaScript>[0]));
            req.getPolicyconfigMap().set(name, pc);
        }
        await analyzer.configure(req);
        return { analyzer, process, name: info.getName(), version: info.getVersion(), policies, config, close };
    } catch (err) {
        close();
        throw explainPackFailure(process, err);
    }
}

/** A gRPC failure because the pack died is reported as the pack's own error output. */
export function explainPackFailure(process: PackProcess, err: unknown): unknown {
    const exit = process.exited();
    if (!exit) return err;
    return new PackStartError(`the policy pack exited (${String(exit.code)}):\n${process.stderr().trim()}`);
}
