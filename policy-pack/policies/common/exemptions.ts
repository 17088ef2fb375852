/**
 * Per-resource exemptions as the pack reads them: each policy's config may carry `exemptions`
 * (the offline plan and `pulumi preview --policy-pack-config` pass the same file; the plan makes
 * it from exemptions/*.yaml, plan/findings/exemptionFiles.ts). A violation on an exempted
 * resource is reported as an advisory diagnostic saying so — never dropped — and an exemption
 * past its expiry no longer applies: the violation is reported at the policy's level again, with
 * a note that the exemption expired. A critical policy (./severity.ts) reads no exemptions.
 *
 * CrossGuard has no "exempted" state. A policy reports at its configured level, but the policy
 * SDK's reportViolation also takes a violation object whose `enforcementLevel` overrides it
 * (@pulumi/policy server.js, makeReportViolationFun); that is how an exempted violation of a
 * mandatory policy stays visible without failing the preview.
 */
import type { PolicyConfigSchema, ReportViolation, ResourceValidation, StackValidation } from "@pulumi/policy";
import { policySeverity } from "./severity";
import type { SecureDsPolicy } from "./policy";

/** One exemption as it travels in the pack config, under its policy's entry. */
export interface PackExemption {
    /** Unique within the files, for reports: `<file>#<id>`. */
    id: string;
    /** A URN (starting `urn:`) or a resource name; `*` and `?` are wildcards. */
    resource: string;
    justification: string;
    /** Last day the exemption holds (YYYY-MM-DD, UTC); from the next day the policy enforces again. */
    expires: string;
    approver: string;
    /** The file it came from, relative to the repository. */
    source?: string;
}

/** The config property each exemptable policy declares (its configSchema), so the CLI validates it. */
export const EXEMPTIONS_PROPERTY = "exemptions";

export const EXEMPTIONS_SCHEMA: PolicyConfigSchema["properties"][string] = {
    type: "array",
    items: {
        type: "object",
        properties: {
            id: { type: "string", minLength: 1 },
            resource: { type: "string", minLength: 1 },
            justification: { type: "string", minLength: 1 },
            expires: { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" },
            approver: { type: "string", minLength: 1 },
            source: { type: "string" },
        },
        required: ["id", "resource", "justification", "expires", "approver"],
        additionalProperties: false,
    },
};

/** The words an exempted or expired diagnostic carries (the plan reads the state from the same match, not from these). */
export const EXEMPTED_NOTE = "exempted";
export const EXPIRED_NOTE = "exemption expired";

export type ExemptionState = "exempted" | "expired";

/** A URN's resource name: what follows `urn:pulumi:<stack>::<project>::<type>::`. */
export function nameOfUrn(urn: string): string {
    return urn.split("::").slice(3).join("::");
}

function globRegExp(pattern: string): RegExp {
    const body = pattern
        .replace(/[.+^${}()|[\]\\]/g, "\\$&")
        .replace(/\*/g, ".*")
        .replace(/\?/g, ".");
    return new RegExp(`^${body}$`, "s");
}

/** Whether an exemption's `resource` names this resource: a URN pattern against the URN, else against the name. */
export function exemptionMatches(exemption: Pick<PackExemption, "resource">, urn: string): boolean {
    return globRegExp(exemption.resource).test(exemption.resource.startsWith("urn:") ? urn : nameOfUrn(urn));
}

/** Today as the exemptions' dates are written: YYYY-MM-DD in UTC. */
export function today(now: Date = new Date()): string {
    return now.toISOString().slice(0, 10);
}

/**
 * The exemption that applies to a violation on `urn`: a live one first (a renewed exemption
 * next to its expired predecessor wins), else an expired one, which enforces again.
 */
export function matchExemption(
    exemptions: readonly PackExemption[],
    urn: string | undefined,
    on: string,
): { exemption: PackExemption; state: ExemptionState } | undefined {
    if (!urn) return undefined;
    const matching = exemptions.filter((e) => exemptionMatches(e, urn));
    const live = matching.find((e) => e.expires >= on);
    if (live) return { exemption: live, state: "exempted" };
    const expired = matching[0];
    return expired ? { exemption: expired, state: "expired" } : undefined;
}

/** The note appended to the violation's message, naming the exemption. */
export function exemptionNote(exemption: PackExemption, state: ExemptionState): string {
    const where = `${exemption.source ? `${exemption.source}#` : ""}${exemption.id}`;
    return state === "exempted"
        ? `[${EXEMPTED_NOTE} by ${where} until ${exemption.expires}, approved by ${exemption.approver}: ${exemption.justification}]`
        : `[${EXPIRED_NOTE}: ${where} ended ${exemption.expires}; enforced again]`;
}

/** The object form of a violation that the policy SDK accepts at run time (see the header). */
interface ViolationObject {
    message: string;
    urn?: string;
    enforcementLevel: "advisory";
}

function exemptionsOf(config: unknown): PackExemption[] {
    const value = (config as Record<string, unknown> | undefined)?.[EXEMPTIONS_PROPERTY];
    return Array.isArray(value) ? (value as PackExemption[]) : [];
}

function exemptingReport(policy: SecureDsPolicy, config: unknown, fallbackUrn: string | undefined, report: ReportViolation): ReportViolation {
    const exemptions = exemptionsOf(config);
    if (exemptions.length === 0) return report;
    return (message: string, urn?: string) => {
        const match = matchExemption(exemptions, urn ?? fallbackUrn, today());
        if (!match) return report(message, urn);
        const note = exemptionNote(match.exemption, match.state);
        if (match.state === "expired") return report(`${message}\n${note}`, urn);
        // The SDK prefixes a string violation with the description; the object form is used as is.
        const violation: ViolationObject = {
            message: `${policy.description ?? policy.name}\n${message}\n${note}`,
            urn: urn ?? fallbackUrn,
            enforcementLevel: "advisory",
        };
        (report as unknown as (v: ViolationObject) => void)(violation);
    };
}

/**
 * The policy as the pack registers it: CrossGuard's own `severity` and `remediationSteps` from
 * the secure-ds metadata, and, unless critical, the `exemptions` config property and violations
 * reported through the exemptions.
 */
export function packPolicy<P extends SecureDsPolicy>(policy: P): P {
    const severity = policySeverity(policy);
    const described = { ...policy, severity, remediationSteps: policy.remediation };
    if (severity === "critical") return described;
    const configSchema = {
        ...policy.configSchema,
        properties: { ...policy.configSchema?.properties, [EXEMPTIONS_PROPERTY]: EXEMPTIONS_SCHEMA },
    };
    if ("validateStack" in policy) {
        const validateStack: StackValidation = (args, report) => policy.validateStack(args, exemptingReport(policy, args.getConfig(), undefined, report));
        return { ...described, configSchema, validateStack };
    }
    if (!policy.validateResource) return { ...described, configSchema };
    const validations: ResourceValidation[] = Array.isArray(policy.validateResource) ? policy.validateResource : [policy.validateResource];
    const validateResource: ResourceValidation[] = validations.map(
        (validation): ResourceValidation =>
            (args, report) =>
                validation(args, exemptingReport(policy, args.getConfig(), args.urn, report)),
    );
    return { ...described, configSchema, validateResource };
}
