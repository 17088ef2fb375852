/**
 * Plan resources in the shapes the engine sends to an analyzer (plugin/analyzer_plugin.go):
 * properties marshalled with unknowns and secrets kept and internal `__` keys skipped; Analyze
 * gets a resource's inputs, AnalyzeStack its final outputs with parent and dependencies.
 */
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import * as pb from "@pulumi/pulumi/proto/analyzer_pb";
import type { JavaScriptValue } from "google-protobuf/google/protobuf/struct_pb";
import { PlanResource } from "../types";

function properties(values: Record<string, unknown>): Struct {
    const kept: Record<string, JavaScriptValue> = {};
    for (const [k, v] of Object.entries(values)) if (!k.startsWith("__") && v !== undefined) kept[k] = v as JavaScriptValue;
    return Struct.fromJavaScript(kept);
}

function options(r: PlanResource): pb.AnalyzerResourceOptions {
    const o = new pb.AnalyzerResourceOptions();
    o.setProtect(r.options.protect);
    o.setIgnorechangesList(r.options.ignoreChanges);
    o.setDeletebeforereplace(r.options.deleteBeforeReplace);
    o.setDeletebeforereplacedefined(r.options.deleteBeforeReplace);
    o.setAdditionalsecretoutputsList([]);
    o.setAliasesList([]);
    o.setCustomtimeouts(new pb.AnalyzerResourceOptions.CustomTimeouts());
    o.setParent(r.parent ?? "");
    return o;
}

/** Finds a registered resource by URN (the provider of the one being marshalled). */
export type Lookup = (urn: string) => PlanResource | undefined;

function provider(r: PlanResource, lookup: Lookup): pb.AnalyzerProviderResource | undefined {
    const p = r.provider ? lookup(r.provider) : undefined;
    if (!p) return undefined;
    const out = new pb.AnalyzerProviderResource();
    out.setUrn(p.urn);
    out.setType(p.type);
    out.setName(p.name);
    out.setProperties(properties(p.inputs));
    return out;
}

export function analyzeRequest(r: PlanResource, lookup: Lookup): pb.AnalyzeRequest {
    const req = new pb.AnalyzeRequest();
    req.setUrn(r.urn);
    req.setType(r.type);
    req.setName(r.name);
    req.setProperties(properties(r.inputs));
    req.setOptions(options(r));
    const p = provider(r, lookup);
    if (p) req.setProvider(p);
    return req;
}

export function stackResource(r: PlanResource, lookup: Lookup): pb.AnalyzerResource {
    const out = new pb.AnalyzerResource();
    out.setUrn(r.urn);
    out.setType(r.type);
    out.setName(r.name);
    out.setProperties(properties(r.outputs));
    out.setOptions(options(r));
    const p = provider(r, lookup);
    if (p) out.setProvider(p);
    out.setParent(r.parent ?? "");
    // The engine's state keeps every dependency the SDK sent: explicit ones and those of properties.
    out.setDependenciesList([...new Set([...r.options.dependsOn, ...Object.values(r.propertyDependencies).flat()])]);
    const deps = out.getPropertydependenciesMap();
    for (const [key, urns] of Object.entries(r.propertyDependencies)) {
        if (urns.length === 0) continue;
        const d = new pb.AnalyzerPropertyDependencies();
        d.setUrnsList(urns);
        deps.set(key, d);
    }
    return out;
}
