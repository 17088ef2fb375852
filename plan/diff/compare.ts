/**
 * The diff of a plan against a base (a saved plan or a stack export): per resource create,
 * update, replace, delete or same, with the input paths that changed. The provider decides
 * update vs replace from its schema; offline, plan/diff/forceNew.ts holds that per type.
 *
 * Resources are matched by URN without its stack segment, so a copy of a stack's config planned
 * under another name compares with the original's plan.
 */
import { PLAN_UNKNOWN, Plan, PlanResource } from "../types";
import { DiffBase, BaseResource } from "./base";
import { FORCE_NEW, forcingProperty } from "./forceNew";
import { DiffOp, PlanDiff, PropertyChange, ResourceDiff } from "./types";

/** Pulumi's signature key for secrets, assets and archives in serialized property values. */
const SIG_KEY = "4dabf18193072939515e22adb298388d";
/** The signature value of a secret (sdk/go/common/resource/sig: Secret). */
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
/** The Terraform bridge's list of inputs its Check filled from defaults: not the program's. */
const DEFAULTS_KEY = "__defaults";

/** The URN without its stack: the stack resource's own name (`<project>-<stack>`) goes too. */
const withoutStack = (urn: string): string =>
    urn.replace(/^urn:pulumi:[^:]*::/, "urn:pulumi:*::").replace(/::pulumi:pulumi:Stack::.*$/, "::pulumi:pulumi:Stack::*");
const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
const isSecret = (v: unknown): boolean => isRecord(v) && v[SIG_KEY] === SECRET_SIG;

/** A JSON document held as a string (IAM and resource policies): compared as the document, as the provider does. */
function asDocument(v: unknown): unknown {
    if (typeof v !== "string" || !/^\s*[[{]/.test(v)) return v;
    try {
        return JSON.parse(v) as unknown;
    } catch {
        return v;
    }
}

function join(path: string, key: string | number): string {
    if (typeof key === "number") return `${path}[${key}]`;
    return path === "" ? key : `${path}.${key}`;
}

/** The leaf differences between an old and a new value, appended to `out`. */
function compareValues(path: string, oldValue: unknown, newValue: unknown, out: PropertyChange[]): void {
    if (newValue === PLAN_UNKNOWN || oldValue === PLAN_UNKNOWN) {
        if (oldValue !== newValue) out.push({ path, kind: "unknown", old: oldValue });
        return;
    }
    if (isSecret(oldValue)) {
        out.push({ path, kind: "secret" });
        return;
    }
    const a = asDocument(oldValue);
    const b = asDocument(newValue);
    if (Array.isArray(a) && Array.isArray(b)) {
        for (let i = 0; i < Math.max(a.length, b.length); i++) compareValues(join(path, i), a[i], b[i], out);
        return;
    }
    if (isRecord(a) && isRecord(b)) {
        const nested = Array.isArray(a[DEFAULTS_KEY]) ? new Set(a[DEFAULTS_KEY].map(String)) : new Set<string>();
        for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
            if (key === DEFAULTS_KEY) continue;
            // A provider default recorded in state and not set by the program is not a change.
            if (!(key in b) && nested.has(key)) continue;
            compareValues(join(path, key), a[key], b[key], out);
        }
        return;
    }
    if (a === undefined && b === undefined) return;
    if (a === undefined) out.push({ path, kind: "add", new: newValue });
    else if (b === undefined) out.push({ path, kind: "remove", old: oldValue });
    else if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ path, kind: "change", old: oldValue, new: newValue });
}

function inputChanges(base: BaseResource, now: PlanResource): PropertyChange[] {
    const out: PropertyChange[] = [];
    const defaults = Array.isArray(base.inputs[DEFAULTS_KEY]) ? new Set((base.inputs[DEFAULTS_KEY] as unknown[]).map(String)) : new Set<string>();
    const keys = [...new Set([...Object.keys(base.inputs), ...Object.keys(now.inputs)])].filter((k) => k !== DEFAULTS_KEY).sort();
    for (const key of keys) {
        if (!(key in now.inputs) && defaults.has(key)) continue;
        compareValues(key, base.inputs[key], now.inputs[key], out);
    }
    return out;
}

/** Marks the changes that force replacement: the type's force-new data, or the state's replaceOnChanges. */
function markReplacements(type: string, changes: PropertyChange[], replaceOnChanges: string[]): void {
    for (const c of changes) {
        if (c.kind === "unknown" || c.kind === "secret") continue;
        const property = forcingProperty(type, c.path);
        if (property) {
            c.forcesReplacement = { property, source: FORCE_NEW[type]?.source ?? "" };
            continue;
        }
        const marked = replaceOnChanges.find((p) => p === "*" || c.path === p || c.path.startsWith(`${p}.`) || c.path.startsWith(`${p}[`));
        if (marked) c.forcesReplacement = { property: marked, source: "the resource's replaceOnChanges option (in the stack's state)" };
    }
}

const ORDER: Record<ResourceDiff["op"], number> = { create: 0, replace: 1, update: 2, delete: 3 };

/** Diffs a plan against its base. */
export function diffPlan(base: DiffBase, plan: Plan): PlanDiff {
    const before = new Map(base.resources.map((r) => [withoutStack(r.urn), r]));
    const seen = new Set<string>();
    const counts: Record<DiffOp, number> = { create: 0, update: 0, replace: 0, delete: 0, same: 0 };
    const resources: ResourceDiff[] = [];
    const uncovered = new Set<string>();
    let unknownOnly = 0;
    for (const r of plan.resources) {
        const key = withoutStack(r.urn);
        seen.add(key);
        const old = before.get(key);
        if (!old) {
            counts.create++;
            resources.push({ urn: r.urn, type: r.type, name: r.name, op: "create", changes: [] });
            continue;
        }
        // Components and the stack have no provider inputs to update; their children carry the changes.
        const changes = r.custom ? inputChanges(old, r) : [];
        markReplacements(r.type, changes, old.replaceOnChanges);
        const real = changes.filter((c) => c.kind !== "unknown" && c.kind !== "secret");
        if (real.length === 0) {
            counts.same++;
            if (changes.some((c) => c.kind === "unknown")) unknownOnly++;
            continue;
        }
        const op = real.some((c) => c.forcesReplacement) ? "replace" : "update";
        if (op === "update" && !FORCE_NEW[r.type] && !r.type.startsWith("pulumi:")) uncovered.add(r.type);
        counts[op]++;
        resources.push({ urn: r.urn, type: r.type, name: r.name, op, changes });
    }
    for (const [key, old] of before) {
        if (seen.has(key)) continue;
        counts.delete++;
        const name = old.urn.split("::").pop() ?? old.urn;
        resources.push({ urn: old.urn, type: old.type, name, op: "delete", changes: [], ...(old.protect ? { protectedDelete: true } : {}) });
    }
    resources.sort((a, b) => ORDER[a.op] - ORDER[b.op] || a.urn.localeCompare(b.urn));
    return {
        base: { file: base.file, kind: base.kind, stack: base.stack },
        counts,
        resources,
        unknownOnly,
        uncoveredTypes: [...uncovered].sort(),
    };
}
