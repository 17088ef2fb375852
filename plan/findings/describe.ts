/**
 * Makes the pack's diagnostics into the plan's findings: each gets its resource's name, the
 * policy's severity, remediation and peer checks (its metadata, policy-pack/policies), and the
 * exemption that matched. The match is the pack's own function (common/exemptions.ts) on the
 * same exemptions and day, so the state here is the one the pack reported by: an exempted
 * finding came back advisory, an expired one at the policy's level.
 */
import { peerChecksOf } from "../../policy-pack/coverage/peerChecks";
import { policies as packPolicies } from "../../policy-pack/policies";
import { matchExemption, nameOfUrn, policySeverity, today } from "../../policy-pack/policies/common";
import { PlanExemption, PlanExemptionReport, PlanFinding } from "../types";

const POLICIES = new Map(packPolicies.map((p) => [p.name, p]));

export interface DescribedFindings {
    findings: PlanFinding[];
    exemptions: PlanExemptionReport;
}

/** Findings with their metadata and exemption state, and what became of each exemption. `disabled`: policies not judged. */
export function describeFindings(
    findings: readonly PlanFinding[],
    exemptions: readonly PlanExemption[],
    disabled: ReadonlySet<string> = new Set(),
    on: string = today(),
): DescribedFindings {
    const used = new Set<PlanExemption>();
    const described = findings.map((f): PlanFinding => {
        const policy = POLICIES.get(f.policy);
        const severity = policy ? policySeverity(policy) : "medium";
        // A critical policy reads no exemptions in the pack, so none can match its findings here either.
        const match =
            severity === "critical"
                ? undefined
                : matchExemption(
                      exemptions.filter((e) => e.policy === f.policy),
                      f.urn,
                      on,
                  );
        if (match) used.add(match.exemption as PlanExemption);
        return {
            ...f,
            ...(f.urn ? { name: nameOfUrn(f.urn) } : {}),
            severity,
            remediation: policy?.remediation ?? "",
            peerChecks: peerChecksOf(f.policy),
            ...(match ? { exemption: { ...(match.exemption as PlanExemption), state: match.state } } : {}),
        };
    });
    return {
        findings: described,
        exemptions: {
            applied: described.filter((f) => f.exemption?.state === "exempted").length,
            expired: exemptions.filter((e) => e.expires < on),
            unused: exemptions.filter((e) => e.expires >= on && !used.has(e) && !disabled.has(e.policy)),
        },
    };
}
