/**
 * Types of the scan decision (S2). This code runs inside CodeBuild (bundled with esbuild), so it
 * imports nothing from Pulumi and nothing that needs network or credentials.
 */

/** Severities, lowest first. The config schema (stacks/schema/packages.ts) reads this list. */
export const SEVERITY_ORDER = ["LOW", "MEDIUM", "HIGH", "CRITICAL"] as const;
export type Severity = (typeof SEVERITY_ORDER)[number];

export function severityRank(s: Severity): number {
    return SEVERITY_ORDER.indexOf(s);
}

/**
 * A severity as a scanner wrote it. Anything the code does not recognise (bandit's UNDEFINED, a
 * missing field, a new label) counts as CRITICAL: an unknown risk is treated as the worst one.
 */
export function normaliseSeverity(value: unknown): Severity {
    const s = typeof value === "string" ? value.trim().toUpperCase() : "";
    if (s === "MODERATE") return "MEDIUM";
    return (SEVERITY_ORDER as readonly string[]).includes(s) ? (s as Severity) : "CRITICAL";
}

/** One reviewed package request from requests.yaml. */
export interface PackageRequest {
    /** Name as written. */
    name: string;
    /** PEP 503 normalised name (lower case, runs of -_. become -). */
    normalisedName: string;
    /** Exact PEP 440 version. */
    version: string;
    /** Expected SHA256 of the artifact, when the requester knows it. */
    sha256?: string;
    justification: string;
    requester: string;
    /** 1-based line of the request in requests.yaml. */
    line: number;
}

/**
 * What kind of risk a finding is. Vulnerabilities and static-analysis findings block at or above
 * the severity threshold; the others always block.
 */
export type FindingKind = "vulnerability" | "static-analysis" | "malicious-heuristic" | "malware" | "license" | "integrity";

export interface Finding {
    scanner: "pip-audit" | "bandit" | "guarddog" | "clamav" | "license" | "integrity";
    kind: FindingKind;
    /** Vulnerability id, bandit test id, guarddog rule, signature name, `license:<name>`. */
    id: string;
    /** Other ids of the same finding (CVE, GHSA aliases). */
    aliases: string[];
    severity: Severity;
    title: string;
    location?: string;
    /** Blocks approval (before exceptions). */
    blocking: boolean;
    /** Set when a current exception waives this finding. */
    waivedBy?: { finding: string; expires: string; justification: string };
    /** Set when the only matching exception has expired. */
    expiredException?: string;
}

/** A scan policy from config (packages.severityThreshold, licenseAllowList, exceptions). */
export interface ScanPolicy {
    severityThreshold: Severity;
    licenseAllowList: string[];
    exceptions: {
        package: string;
        version?: string;
        finding: string;
        expires: string;
        justification: string;
    }[];
}

export interface ArtifactHash {
    file: string;
    sha256: string;
}

export interface PackageDecision {
    name: string;
    normalisedName: string;
    version: string;
    requester: string;
    justification: string;
    verdict: "approved" | "rejected";
    /** One sentence per reason for a rejection; empty when approved. */
    reasons: string[];
    /** Scanner failures (crash, timeout, missing, empty or truncated output). Any one rejects. */
    errors: string[];
    findings: Finding[];
    /** The downloaded artifacts and the SHA256 recorded at scan time. */
    artifacts: ArtifactHash[];
    counts: {
        findings: number;
        blocking: number;
        waived: number;
        bySeverity: Record<Severity, number>;
        byScanner: Record<string, number>;
    };
}

export interface DecisionReport {
    tool: "secure-ds-scan-decision";
    formatVersion: 1;
    generatedAt: string;
    /** The UTC date exceptions were evaluated against. */
    evaluationDate: string;
    policy: ScanPolicy;
    packages: PackageDecision[];
    summary: { requested: number; approved: number; rejected: number };
}
