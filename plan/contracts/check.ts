/**
 * Applies the contract rules to a plan's resources: every value a rule's path reaches is checked
 * against its constraint. Values not known before the resource exists (PLAN_UNKNOWN in a
 * preview) and secrets are skipped: the API will see them, the plan cannot, and guessing would
 * report a violation that is not there. A property the program does not set is not checked
 * either: the provider fills it in or AWS defaults it.
 */
import { PLAN_UNKNOWN, PlanResource } from "../types";
import { Constraint, ContractRule, ContractViolation } from "./types";

/** The engine's signature key of a secret, asset or archive value. */
const SPECIAL_SIG = "4dabf18193072939515e22adb298388d";

interface Reached {
    path: string;
    value: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Every value `segments` reaches from `start`, with its concrete path. */
function reach(start: unknown, segments: readonly string[], at: string): Reached[] {
    if (start === PLAN_UNKNOWN || (isRecord(start) && SPECIAL_SIG in start)) return [];
    if (segments.length === 0) return start === undefined || start === null ? [] : [{ path: at, value: start }];
    const [head, ...rest] = segments;
    if (head === "[]") {
        return Array.isArray(start) ? start.flatMap((element, i) => reach(element, rest, `${at}[${i}]`)) : [];
    }
    if (head === "{key}" || head === "{value}") {
        if (!isRecord(start)) return [];
        return Object.entries(start).flatMap(([key, value]) =>
            head === "{key}" ? (key === PLAN_UNKNOWN ? [] : reach(key, rest, `${at}{${key}}`)) : reach(value, rest, `${at}.${key}`),
        );
    }
    if (head === "(json)") {
        if (typeof start !== "string") return [];
        try {
            return reach(JSON.parse(start) as unknown, rest, at);
        } catch {
            return [];
        }
    }
    return isRecord(start) ? reach(start[head], rest, at === "" ? head : `${at}.${head}`) : [];
}

/** What the constraint expects, in words; undefined when the value satisfies it. */
function problem(constraint: Constraint, value: unknown): string | undefined {
    switch (constraint.kind) {
        case "length": {
            if (typeof value !== "string") return undefined;
            // AWS counts characters (code points), not UTF-16 units.
            const n = [...value].length;
            const min = constraint.min ?? 0;
            if (n >= min && n <= constraint.max) return undefined;
            return `${min > 0 ? `${min} to ` : "at most "}${constraint.max} characters (it has ${n})`;
        }
        case "pattern":
            return typeof value === "string" && !constraint.pattern.test(value) ? constraint.expected : undefined;
        case "forbidden":
            return typeof value === "string" && constraint.pattern.test(value) ? constraint.expected : undefined;
        case "range":
            if (typeof value !== "number") return undefined;
            return Number.isInteger(value) && value >= constraint.min && value <= constraint.max
                ? undefined
                : `a whole number from ${constraint.min} to ${constraint.max}`;
        case "enum":
            return constraint.values.includes(value as string | number) ? undefined : `one of ${constraint.values.join(", ")}`;
    }
}

function appliesTo(rule: ContractRule, resource: PlanResource): boolean {
    if (rule.type === "*") return resource.custom && resource.type.startsWith("aws:");
    return rule.type === resource.type;
}

/** The rules' violations over the plan's resources, in resource order. */
export function checkContracts(resources: readonly PlanResource[], rules: readonly ContractRule[]): ContractViolation[] {
    const out: ContractViolation[] = [];
    const byType = new Map<string, ContractRule[]>();
    for (const rule of rules) byType.set(rule.type, [...(byType.get(rule.type) ?? []), rule]);
    for (const resource of resources) {
        const applicable = [...(byType.get(resource.type) ?? []), ...(byType.get("*") ?? [])].filter((rule) => appliesTo(rule, resource));
        for (const rule of applicable) {
            for (const { path, value } of reach(resource.inputs, rule.path.split("."), "")) {
                if (typeof value === "string" && value.includes(PLAN_UNKNOWN)) continue;
                const expected = problem(rule.constraint, value);
                if (expected === undefined) continue;
                out.push({
                    urn: resource.urn,
                    type: resource.type,
                    path,
                    field: rule.field,
                    value: typeof value === "number" ? value : String(value),
                    expected,
                    source: rule.source,
                });
            }
        }
    }
    return out;
}
