/**
 * Where the policy pack spends its time: evaluates a saved plan in-process (plan/evaluate.ts, as
 * the offline plan does, no protocol) with every policy's validations wrapped in a timer, and
 * prints the policies with the most total time, the whole run's wall and CPU time, and the
 * findings count (a pathological input shows as hundreds of findings).
 *   tsx bench/policyTimes.ts <plan.json> [--inflate N] [--top N] [--findings OUT.json] [--pack-config FILE]
 * <plan.json> is a plan written by `npm run plan -- --json FILE`. --inflate N evaluates copies of
 * its resources (bench/policyPack.ts `inflate`, distinct URNs only) until there are at least N;
 * --findings writes the findings (policy, urn, message), to compare runs before and after a change.
 * The pack config defaults to policy-pack/config/mandatory.json, as bench/policyPack.ts uses.
 */
import * as fs from "node:fs";
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { evaluatePolicies, packConfigPath, readPackConfig } from "../plan/evaluate";
import { readPlanFile } from "../plan/planFile";
import { policies } from "../policy-pack/policies";
import { SecureDsPolicy, isStackPolicy } from "../policy-pack/policies/common";
import { inflate } from "./policyPack";

interface Timing {
    ms: number;
    calls: number;
}

type Validation = (args: never, report: never) => unknown;

/** Adds the time since `start` to `t`. */
function addTime(t: Timing, start: number): void {
    t.ms += performance.now() - start;
    t.calls++;
}

/**
 * The validation, timed into `t`; awaited only when it returns a promise (most are synchronous).
 * No closure per call: under tsx each one costs a `__name` call, which would be timed too.
 */
function timed(validate: Validation, t: Timing): Validation {
    return (args, report) => {
        const start = performance.now();
        let result: unknown;
        try {
            result = validate(args, report);
        } catch (err) {
            addTime(t, start);
            throw err;
        }
        if (result instanceof Promise) return result.finally(addTime.bind(undefined, t, start));
        addTime(t, start);
        return result;
    };
}

/** Copies of the pack's policies whose validations add their time to `timings` (keyed by policy name). */
function timedPolicies(timings: Map<string, Timing>): SecureDsPolicy[] {
    return policies.map((p) => {
        const t: Timing = { ms: 0, calls: 0 };
        timings.set(p.name, t);
        const wrap = <V extends Validation>(v: V | V[]): V | V[] => (Array.isArray(v) ? v.map((x) => timed(x, t) as V) : (timed(v, t) as V));
        if (isStackPolicy(p)) return { ...p, validateStack: wrap(p.validateStack as Validation) as typeof p.validateStack };
        return p.validateResource ? { ...p, validateResource: wrap(p.validateResource as Validation) as typeof p.validateResource } : p;
    });
}

async function main(): Promise<void> {
    const { values, positionals } = parseArgs({
        allowPositionals: true,
        options: {
            inflate: { type: "string" },
            top: { type: "string", default: "15" },
            findings: { type: "string" },
            "pack-config": { type: "string" },
        },
    });
    const file = positionals[0];
    if (!file) throw new Error("usage: tsx bench/policyTimes.ts <plan.json> [--inflate N] [--top N] [--findings OUT.json] [--pack-config FILE]");
    const plan = readPlanFile(file);
    const resources = values.inflate ? inflate(plan.resources, Number(values.inflate)) : plan.resources;
    const packConfig = readPackConfig(values["pack-config"] ?? packConfigPath("mandatory"));
    const timings = new Map<string, Timing>();
    const timedPack = timedPolicies(timings);
    const cpu = process.cpuUsage();
    const start = performance.now();
    const findings = await evaluatePolicies(resources, packConfig, timedPack);
    const wall = performance.now() - start;
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    const policyMs = [...timings.values()].reduce((s, t) => s + t.ms, 0);
    console.log(
        `${file}${values.inflate ? ` inflated to ${resources.length}` : ""}: ${resources.length} resources, ${findings.length} findings; ` +
            `wall ${wall.toFixed(0)} ms, CPU ${cpuMs.toFixed(0)} ms (${Math.round(resources.length / (cpuMs / 1000))} resources per CPU second); ` +
            `inside policies ${policyMs.toFixed(0)} ms`,
    );
    const top = [...timings.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, Number(values.top));
    for (const [name, t] of top) {
        const stack = isStackPolicy(policies.find((p) => p.name === name) as SecureDsPolicy) ? "stack   " : "resource";
        console.log(`  ${t.ms.toFixed(1).padStart(10)} ms  ${((t.ms / policyMs) * 100).toFixed(1).padStart(5)}%  ${stack} ${name} (${t.calls} calls)`);
    }
    if (values.findings) {
        const rows = findings.map((f) => ({ policy: f.policy, urn: f.urn, message: f.message }));
        fs.writeFileSync(values.findings, `${JSON.stringify(rows, null, 1)}\n`);
    }
}

main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
});
