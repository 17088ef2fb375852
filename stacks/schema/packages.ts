import { IPv4CidrRange } from "ip-num";
import { z } from "zod";
import { SEVERITY_ORDER } from "../../components/packages/decide/types";
import {
    CODESTAR_PROVIDERS,
    PACKAGE_MIRROR_DEFAULTS,
    PYTHON_VERSION_PATTERN,
    SCAN_PIPELINE_DEFAULTS,
    SCAN_POLICY_DEFAULTS,
    SCAN_TIMEOUT_MINUTES_RANGE,
} from "../../components/packages/defaults";
import { parseToolchainImage, toolchainImageProblem, toolchainRepositoryName } from "../../components/packages/toolchainImage";
import { emailAddress, ipv4Cidr, positiveInt } from "./common";

const isoDate = z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "is not a date in the form YYYY-MM-DD (quote it in YAML)" })
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), {
        message: "is not a calendar date",
    });

/**
 * A waiver for one finding of one package (S2). It expires: an expired exception no longer
 * waives anything, so a forgotten waiver cannot approve packages for ever.
 */
const scanExceptionSchema = z.strictObject({
    /** Package name as requested (PEP 503 normalisation applies). */
    package: z.string().min(1, { message: "is empty; name the package" }),
    /** Exact version the waiver applies to. Default: every version. */
    version: z.string().min(1).optional(),
    /**
     * The finding waived: a vulnerability id or alias (PYSEC-..., GHSA-..., CVE-...), a bandit test
     * id (B602), a guarddog rule (e.g. `shady-links`) or `license:<name>`. Malware is never waivable.
     */
    finding: z.string().min(1, { message: "is empty; name the vulnerability id, bandit test, guarddog rule or license:<name>" }),
    /** Last day (UTC, inclusive) on which the waiver applies, YYYY-MM-DD. */
    expires: isoDate,
    /** Why the risk is accepted, and who accepted it. */
    justification: z.string().min(10, { message: "is too short; explain why the risk is accepted and who accepted it" }),
});

/** A second ecosystem mirrored with the same two-repository pattern (public upstream + approved). */
const ecosystemSwitch = z.strictObject({
    /** Create the `public-<ecosystem>` and `approved-<ecosystem>` repositories. Default false. */
    enabled: z.boolean().default(PACKAGE_MIRROR_DEFAULTS.npm),
});

/** Package mirror and scan pipeline (shared-services account). See docs/configuration.md#packages. */
export const packagesSchema = z
    .strictObject({
        /** Build the mirror and the pipeline. Default true. */
        enabled: z.boolean().default(true),
        /** Scanner findings at or above this severity reject a package. Default HIGH. */
        severityThreshold: z.enum(SEVERITY_ORDER).default(SCAN_POLICY_DEFAULTS.severityThreshold),
        /** SPDX ids (or classifier names) of licences packages may carry. */
        licenseAllowList: z
            .array(z.string().min(1))
            .min(1, { message: "is empty; every package would be rejected. List the licences you accept (e.g. MIT, Apache-2.0)" })
            .default(SCAN_POLICY_DEFAULTS.licenseAllowList),
        /** Waivers for individual findings, each with an expiry date. */
        exceptions: z.array(scanExceptionSchema).default(SCAN_POLICY_DEFAULTS.exceptions),
        /** Addresses that receive scan results and pipeline failures (SNS e-mail subscriptions). */
        notificationEmails: z.array(emailAddress).default(SCAN_PIPELINE_DEFAULTS.notificationEmails),
        /**
         * Where reviewed request files come from: `s3` (a versioned, KMS-encrypted bucket; upload
         * `requests.zip` containing `requests.yaml`) or `codestar` (a git repository through a
         * CodeStar connection, no personal access token). Default s3.
         */
        intake: z
            .strictObject({
                mode: z.enum(["s3", "codestar"]).default(SCAN_PIPELINE_DEFAULTS.intake.mode),
                /** CodeStar provider: GitHub, GitHubEnterpriseServer, GitLab, GitLabSelfManaged or Bitbucket. Default GitHub. */
                provider: z.enum(CODESTAR_PROVIDERS).default(SCAN_PIPELINE_DEFAULTS.intake.provider),
                /** `owner/name` of the request repository (codestar mode). */
                repository: z
                    .string()
                    .regex(/^[\w.-]+\/[\w.-]+$/, { message: "is not a repository id of the form owner/name" })
                    .optional(),
                /** Branch whose commits trigger the pipeline (codestar mode). Default main. */
                branch: z.string().min(1).default(SCAN_PIPELINE_DEFAULTS.intake.branch),
            })
            .default(() => ({ ...SCAN_PIPELINE_DEFAULTS.intake })),
        /** CIDR of the egress-only scanning VPC (never the data VPC). Default 10.250.0.0/22. */
        scanVpcCidr: ipv4Cidr.default(SCAN_PIPELINE_DEFAULTS.scanVpcCidr),
        /** Minutes a scan build may run before it is stopped (a timeout rejects). Default 60. */
        scanTimeoutMinutes: positiveInt("minutes")
            .min(SCAN_TIMEOUT_MINUTES_RANGE.min, { message: `is less than ${SCAN_TIMEOUT_MINUTES_RANGE.min} minutes, too short to install the scanners` })
            .max(SCAN_TIMEOUT_MINUTES_RANGE.max, { message: `is more than ${SCAN_TIMEOUT_MINUTES_RANGE.max} minutes, the CodeBuild limit` })
            .default(SCAN_PIPELINE_DEFAULTS.scanTimeoutMinutes),
        /** Days reports are kept in the reports bucket. Default 365. */
        reportRetentionDays: positiveInt("days").default(SCAN_PIPELINE_DEFAULTS.reportRetentionDays),
        /** Mirror npm with the same two-repository pattern. */
        npm: ecosystemSwitch.default(() => ({ enabled: false })),
        /**
         * conda: CodeArtifact has no conda format and no conda external connection, so it cannot be
         * mirrored here; the switch exists so that asking for it gives a clear error.
         */
        conda: ecosystemSwitch.default(() => ({ enabled: false })),
        /** Python version the scanned wheels are chosen for: the Python of the Studio images. Default 3.11. */
        pythonVersion: z
            .string()
            .regex(PYTHON_VERSION_PATTERN, { message: "is not a Python 3 version such as 3.11" })
            .default(SCAN_PIPELINE_DEFAULTS.pythonVersion),
        /**
         * The gate's toolchain image (scanners, twine, AWS CLI, ClamAV, Node.js), pinned by digest:
         * `<shared-services account>.dkr.ecr.<region>.amazonaws.com/<org>-<env>/package-gate-toolchain@sha256:<64 hex>`.
         * Required wherever the shared-services layer is built; a tag is refused. Built from
         * components/packages/toolchain/ (docs/operations.md, "Package gate toolchain image").
         */
        toolchainImage: z
            .string()
            .superRefine((uri, ctx) => {
                const parsed = parseToolchainImage(uri);
                if (typeof parsed === "string") ctx.addIssue({ code: "custom", message: parsed, params: { complete: true } });
            })
            .optional(),
        /**
         * Hold first-seen packages for a person's approval (a CodePipeline manual approval) before
         * they are published. Packages approved before are never held. Default true.
         */
        firstSeenApproval: z.boolean().default(SCAN_PIPELINE_DEFAULTS.firstSeenApproval),
        /** Hours between two updates of the private ClamAV signature mirror (1 to 24). Default 6. */
        clamavUpdateHours: positiveInt("hours")
            .max(24, { message: "is more than 24 hours; signatures a day old miss the day's outbreaks" })
            .default(SCAN_PIPELINE_DEFAULTS.clamavUpdateHours),
        /** Untagged and old tagged images of the Studio image repository expire after this many images. Default 30. */
        imageRetentionCount: positiveInt("images").default(PACKAGE_MIRROR_DEFAULTS.imageRetentionCount),
    })
    .superRefine((cfg, ctx) => {
        if (cfg.conda.enabled) {
            ctx.addIssue({
                code: "custom",
                path: ["conda", "enabled"],
                message:
                    "true is not supported: AWS CodeArtifact has no conda package format or conda upstream; set it to false and request the PyPI wheels instead",
            });
        }
        if (cfg.intake.mode === "codestar" && cfg.intake.repository === undefined) {
            ctx.addIssue({
                code: "custom",
                path: ["intake", "repository"],
                message: "missing; intake mode codestar needs the request repository as owner/name",
            });
        }
        const scanPrefix = Number(cfg.scanVpcCidr.split("/")[1]);
        if (scanPrefix < 16 || scanPrefix > 24) {
            ctx.addIssue({
                code: "custom",
                path: ["scanVpcCidr"],
                message: `"${cfg.scanVpcCidr}" is a /${scanPrefix}; the scanning VPC needs a /16 to /24 block (AWS allows at most /16, and two private subnets and the NAT's public subnet need room)`,
            });
        }
        const seen = new Set<string>();
        cfg.licenseAllowList.forEach((licence, i) => {
            const key = licence.toLowerCase();
            if (seen.has(key)) ctx.addIssue({ code: "custom", path: ["licenseAllowList", i], message: `"${licence}" is listed twice` });
            seen.add(key);
        });
    });

export type PackagesConfig = z.infer<typeof packagesSchema>;

/**
 * Where the shared-services layer is built, the gate needs its toolchain image, and it must be
 * the platform's own: the shared-services account's registry, the platform's region, the
 * repository the program creates (the only one the stage roles may pull from).
 */
export function refineToolchainImage(
    cfg: { organization: string; environment: string; region: string; accounts: { sharedServices?: { accountId: string } }; packages: PackagesConfig },
    issue: Issue,
): void {
    const p = cfg.packages;
    const shared = cfg.accounts.sharedServices?.accountId;
    if (!p.enabled || shared === undefined) return;
    const repository = toolchainRepositoryName(`${cfg.organization}-${cfg.environment}`);
    if (p.toolchainImage === undefined) {
        issue(
            ["packages", "toolchainImage"],
            `missing; the package gate runs its tools only from a digest-pinned image: build components/packages/toolchain/ and set ${shared}.dkr.ecr.${cfg.region}.amazonaws.com/${repository}@sha256:<digest> (docs/operations.md, "Package gate toolchain image")`,
        );
        return;
    }
    const parsed = parseToolchainImage(p.toolchainImage);
    if (typeof parsed === "string") return; // reported by the field check
    const problem = toolchainImageProblem(parsed, { accountId: shared, region: cfg.region, repository });
    if (problem) issue(["packages", "toolchainImage"], `"${p.toolchainImage}" ${problem}`);
}

type Issue = (path: (string | number)[], message: string) => void;

/**
 * Cross-section checks of `packages`. The scanning VPC has internet egress; it is its own VPC and
 * must not even share address space with the data VPC (S1), so that no route, peering or
 * firewall rule written for one can ever match the other.
 */
export function refinePackages(cfg: { network: { cidr: string }; packages: PackagesConfig }, issue: Issue): void {
    const scan = cfg.packages.scanVpcCidr;
    let overlaps: boolean;
    try {
        overlaps = IPv4CidrRange.fromCidr(scan).isOverlapping(IPv4CidrRange.fromCidr(cfg.network.cidr));
    } catch {
        return; // an invalid block is reported by its own field check
    }
    if (overlaps) {
        issue(
            ["packages", "scanVpcCidr"],
            `"${scan}" overlaps the data VPC's network.cidr ${cfg.network.cidr}; the egress-only scanning VPC must use a separate block (e.g. ${SCAN_PIPELINE_DEFAULTS.scanVpcCidr})`,
        );
    }
}
