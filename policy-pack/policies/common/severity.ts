/**
 * How bad a violation of each guardrail control is (docs/guardrails.md IDs), and so the severity
 * of a policy: the highest of its controls'. CrossGuard carries it natively (`severity` on a
 * policy, on each diagnostic, in GetAnalyzerInfo); the plan puts it on every finding and maps it
 * to SARIF levels and security-severity.
 *
 * `critical` is the platform's core: Studio only inside the VPC (N1, N2), no path to the internet
 * (N5 notebooks, N6 the data VPC, S1 package indexes), customer keys on the data at rest (E1 the
 * Studio EFS, E7 S3). A critical policy cannot be exempted (docs/configuration.md, "Exemptions").
 */
import type { Severity } from "@pulumi/policy";

export type { Severity };

/** Most severe first. */
export const SEVERITIES: readonly Severity[] = ["critical", "high", "medium", "low"];

const CRITICAL_CONTROLS: ReadonlySet<string> = new Set(["N1", "N2", "N5", "N6", "S1", "E1", "E7"]);

/** Tags and cost controls: a finding is worth fixing, not an exposure. */
const LOW_CONTROLS: ReadonlySet<string> = new Set(["G1", "G6"]);

/** One control's severity: the core is critical, the rest of network, identity and encryption high, governance and supply chain medium. */
export function controlSeverity(control: string): Severity {
    if (CRITICAL_CONTROLS.has(control)) return "critical";
    if (LOW_CONTROLS.has(control)) return "low";
    return /^[NIE]\d/.test(control) ? "high" : "medium";
}

/** A policy's severity: its own `severity` if it sets one, else the highest of its controls' (medium without controls). */
export function policySeverity(policy: { controls: readonly string[]; severity?: Severity }): Severity {
    if (policy.severity) return policy.severity;
    const ranks = policy.controls.map((c) => SEVERITIES.indexOf(controlSeverity(c)));
    return ranks.length === 0 ? "medium" : (SEVERITIES[Math.min(...ranks)] as Severity);
}
