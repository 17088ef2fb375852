/**
 * The plan's findings as SARIF 2.1.0 (OASIS; the schema GitHub code scanning reads), for
 * `npm run plan -- --sarif FILE`: one rule per judged policy (help = its remediation, tags = its
 * controls and peer checks, `security-severity` from its severity), one result per finding.
 *
 * - level: `error` for a mandatory finding, `warning` for an advisory one (an exempted finding
 *   keeps the level its policy has and carries a `suppressions` entry with the justification:
 *   code scanning shows it as dismissed, not gone).
 * - locations: the resource as a logical location (URN and name) and, because code scanning
 *   requires a file for every result, the stack file that configured it as the physical one.
 * - partialFingerprints: a hash of stack, policy and URN, so an alert keeps its identity across
 *   runs whatever the message says.
 */
import { createHash } from "node:crypto";
import { policies as packPolicies } from "../../policy-pack/policies";
import { Severity, policySeverity } from "../../policy-pack/policies/common";
import { peerChecksOf } from "../../policy-pack/coverage/peerChecks";
import { EnforcementLevel, Plan, PlanFinding } from "../types";

export const SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";

/** GitHub's security-severity bands: over 9.0 critical, 7.0–8.9 high, 4.0–6.9 medium, under 4.0 low. */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: "9.5", high: "8.0", medium: "5.5", low: "3.0" };

type SarifLevel = "error" | "warning" | "note" | "none";

// A remediate policy's violations are reported as mandatory (the policy SDK, server.js).
const LEVEL: Record<EnforcementLevel, SarifLevel> = { mandatory: "error", remediate: "error", advisory: "warning", disabled: "none" };

export interface SarifOptions {
    /** The tool's version (the pack's). */
    version: string;
    /** Where the tool is described; CI passes the repository URL. Omitted when unknown. */
    informationUri?: string;
    /** Level per policy as judged (disabled ones get no rule). */
    levels: Record<string, EnforcementLevel>;
}

/** The stable identity of a finding: stack, policy and resource (or the message for a stack-level finding without one). */
export function findingFingerprint(stack: string, f: PlanFinding): string {
    return createHash("sha256")
        .update(`${stack}\0${f.policy}\0${f.urn ?? f.message}`)
        .digest("hex");
}

/** The level a finding's policy was configured at: an exempted finding was reported advisory but its policy is not. */
const configuredLevel = (f: PlanFinding, levels: Record<string, EnforcementLevel>): EnforcementLevel =>
    f.exemption?.state === "exempted" ? (levels[f.policy] ?? f.level) : f.level;

export function toSarif(plan: Plan, options: SarifOptions): Record<string, unknown> {
    const judged = packPolicies.filter((p) => (options.levels[p.name] ?? "mandatory") !== "disabled");
    const ruleIndex = new Map(judged.map((p, i) => [p.name, i]));
    const stackFile = `Pulumi.${plan.stack}.yaml`;
    const rules = judged.map((p) => {
        const severity = policySeverity(p);
        const peers = peerChecksOf(p.name);
        return {
            id: p.name,
            name: p.name,
            shortDescription: { text: p.description ?? p.name },
            fullDescription: { text: `${p.description ?? p.name} Controls: ${p.controls.join(", ") || "none"}.` },
            help: {
                text: p.remediation,
                markdown: `${p.remediation}\n\nControls (docs/guardrails.md): ${p.controls.join(", ") || "none"}.${peers.length > 0 ? ` Peer checks: ${peers.map((c) => `${c.source} ${c.id}`).join(", ")}.` : ""}`,
            },
            defaultConfiguration: { level: LEVEL[options.levels[p.name] ?? "mandatory"] },
            properties: {
                "security-severity": SECURITY_SEVERITY[severity],
                severity,
                precision: "high",
                tags: ["security", ...p.controls, ...peers.map((c) => `${c.source}:${c.id}`)],
            },
        };
    });
    const results = plan.findings.map((f) => {
        const index = ruleIndex.get(f.policy);
        return {
            ruleId: f.policy,
            ...(index !== undefined ? { ruleIndex: index } : {}),
            level: LEVEL[configuredLevel(f, options.levels)],
            message: { text: f.message },
            locations: [
                {
                    physicalLocation: { artifactLocation: { uri: stackFile }, region: { startLine: 1 } },
                    logicalLocations: [{ name: f.name ?? "(stack)", fullyQualifiedName: f.urn ?? `stack ${plan.stack}`, kind: "resource" }],
                },
            ],
            partialFingerprints: { "secureDsFinding/v1": findingFingerprint(plan.stack, f) },
            ...(f.exemption?.state === "exempted"
                ? {
                      suppressions: [
                          {
                              kind: "external",
                              status: "accepted",
                              justification: `${f.exemption.justification} (approved by ${f.exemption.approver}, until ${f.exemption.expires}; ${f.exemption.source ?? ""}#${f.exemption.id})`,
                          },
                      ],
                  }
                : {}),
            properties: {
                severity: f.severity,
                enforcementLevel: f.level,
                controls: f.controls,
                peerChecks: (f.peerChecks ?? []).map((c) => `${c.source}:${c.id}`),
                ...(f.exemption ? { exemption: f.exemption.state } : {}),
            },
        };
    });
    return {
        $schema: SARIF_SCHEMA_URI,
        version: "2.1.0",
        runs: [
            {
                tool: {
                    driver: {
                        name: "secure-ds-guardrails",
                        version: options.version,
                        semanticVersion: options.version,
                        ...(options.informationUri ? { informationUri: options.informationUri } : {}),
                        rules,
                    },
                },
                // One analysis per stack: code scanning keeps the stacks' alerts apart.
                automationDetails: { id: `secure-ds/${plan.stack}/` },
                invocations: [{ executionSuccessful: true }],
                results,
                properties: { stack: plan.stack, mode: plan.mode },
            },
        ],
    };
}
