/**
 * Defaults and AWS bounds of the package components, in a module without Pulumi imports so
 * the config schema (stacks/schema/packages.ts) can read them.
 */
import type { ScanPolicy } from "./decide/types";
import type { PackageMirrorArgs } from "./PackageMirror";
import type { ScanPipelineArgs } from "./ScanPipeline";

export const PACKAGE_MIRROR_DEFAULTS = {
    npm: false,
    imageRetentionCount: 30,
} satisfies Partial<PackageMirrorArgs>;

/** What the decision code rejects when nothing else is configured (S2). */
export const SCAN_POLICY_DEFAULTS = {
    severityThreshold: "HIGH",
    // Permissive licences only: copyleft is opted into.
    licenseAllowList: ["MIT", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause", "BSD", "ISC", "PSF-2.0", "Python-2.0", "MPL-2.0", "Unlicense", "0BSD"],
    exceptions: [],
} satisfies ScanPolicy;

/** Scan build timeouts CodeBuild allows, in minutes (the lower bound leaves time to install the scanners). */
export const SCAN_TIMEOUT_MINUTES_RANGE = { min: 5, max: 480 } as const;

/** Git providers a CodeStar connection can reach. */
export const CODESTAR_PROVIDERS = ["GitHub", "GitHubEnterpriseServer", "GitLab", "GitLabSelfManaged", "Bitbucket"] as const;
export type CodeStarProvider = (typeof CODESTAR_PROVIDERS)[number];

/** A Python 3 minor version such as 3.11: what the scanned wheels are chosen for. */
export const PYTHON_VERSION_PATTERN = /^3\.\d{1,2}$/;

export const SCAN_PIPELINE_DEFAULTS = {
    policy: SCAN_POLICY_DEFAULTS,
    // Never the data VPC's block (S1); the schema refuses an overlap.
    scanVpcCidr: "10.250.0.0/22",
    intake: { mode: "s3", provider: "GitHub", branch: "main" },
    notificationEmails: [],
    scanTimeoutMinutes: 60,
    // The Python of the Studio images.
    pythonVersion: "3.11",
    reportRetentionDays: 365,
    // On: a package nobody has approved before is a new supplier in the supply chain, and a
    // person should see its report once; re-requests of approved packages are never held.
    firstSeenApproval: true,
    // freshclam's own default checks 12 times a day; 6 hours keeps the mirror within a working day.
    clamavUpdateHours: 6,
} satisfies Partial<ScanPipelineArgs>;
