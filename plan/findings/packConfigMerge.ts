/**
 * What the plan adds to a pack config file before the pack is configured, so that the pack —
 * offline and under `pulumi preview --policy-pack-config` alike — reads the same thing: each
 * exempted policy's `exemptions` (policy-pack/policies/common/exemptions.ts), and the policies
 * `--only`/`--skip` leave out set to `disabled`. `npm run plan -- --write-pack-config FILE`
 * writes the result for the CLI.
 */
import { policies as packPolicies } from "../../policy-pack/policies";
import { EXEMPTIONS_PROPERTY, PackExemption } from "../../policy-pack/policies/common";
import { PackConfigError } from "../packConfig";
import { EnforcementLevel, PlanExemption } from "../types";
import { didYouMean } from "./suggest";

export interface PolicySelection {
    only?: string[];
    skip?: string[];
}

/** The policies a selection judges; an unknown name is a usage error with a did-you-mean. */
export function selectedPolicies(selection: PolicySelection, known: readonly string[] = packPolicies.map((p) => p.name)): Set<string> {
    const names = new Set(known);
    const problems = [...(selection.only ?? []).map((n) => ["--only", n]), ...(selection.skip ?? []).map((n) => ["--skip", n])]
        .filter(([, n]) => !names.has(n as string))
        .map(([flag, n]) => `${flag} ${n}: not a policy of the pack${didYouMean(n as string, names)}`);
    if (problems.length > 0) throw new PolicySelectionError(problems.join("\n"));
    const only = selection.only && selection.only.length > 0 ? new Set(selection.only) : names;
    return new Set([...only].filter((n) => !(selection.skip ?? []).includes(n)));
}

/** A wrong `--only`/`--skip` name: a usage error (exit 3). */
export class PolicySelectionError extends Error {}

type Entry = string | Record<string, unknown>;

function withProperty(entry: Entry | undefined, key: string, value: unknown): Record<string, unknown> {
    const base = typeof entry === "string" ? { enforcementLevel: entry } : { ...(entry ?? {}) };
    return { ...base, [key]: value };
}

/** The pack config with the exemptions and the selection merged in (the file's own content otherwise kept). */
export function mergePackConfig(raw: Record<string, unknown>, exemptions: readonly PlanExemption[], selected?: ReadonlySet<string>): Record<string, unknown> {
    const out: Record<string, unknown> = { ...raw };
    const byPolicy = new Map<string, PackExemption[]>();
    for (const { policy, ...e } of exemptions) byPolicy.set(policy, [...(byPolicy.get(policy) ?? []), e]);
    for (const [policy, list] of byPolicy) out[policy] = withProperty(out[policy] as Entry | undefined, EXEMPTIONS_PROPERTY, list);
    if (selected) {
        for (const p of packPolicies) if (!selected.has(p.name)) out[p.name] = withProperty(out[p.name] as Entry | undefined, "enforcementLevel", "disabled");
    }
    return out;
}

/** The exemptions a pack config carries (a saved plan's, for `--evaluate`), with their policy. */
export function exemptionsInPackConfig(raw: Record<string, unknown>): PlanExemption[] {
    const out: PlanExemption[] = [];
    for (const [policy, entry] of Object.entries(raw)) {
        if (entry === null || typeof entry !== "object") continue;
        const list = (entry as Record<string, unknown>)[EXEMPTIONS_PROPERTY];
        if (list === undefined) continue;
        if (!Array.isArray(list)) throw new PackConfigError(`policy pack config: "${policy}".${EXEMPTIONS_PROPERTY} must be a list`);
        for (const e of list as PackExemption[]) out.push({ ...e, policy });
    }
    return out;
}

/** The level each policy is judged at under this config, as the engine resolves it: its entry, then `all`, then its own, then the pack's (mandatory). */
export function configuredLevels(raw: Record<string, unknown>): Record<string, EnforcementLevel> {
    const levelOf = (entry: unknown): EnforcementLevel | undefined =>
        (typeof entry === "string" ? entry : (entry as Record<string, unknown> | undefined)?.enforcementLevel) as EnforcementLevel | undefined;
    const all = levelOf(raw.all);
    return Object.fromEntries(packPolicies.map((p) => [p.name, levelOf(raw[p.name]) ?? all ?? p.enforcementLevel ?? "mandatory"]));
}

/** Policies this config disables: they judge nothing, so their exemptions are not "unused". */
export function disabledPolicies(raw: Record<string, unknown>): Set<string> {
    return new Set(
        Object.entries(configuredLevels(raw))
            .filter(([, level]) => level === "disabled")
            .map(([name]) => name),
    );
}
