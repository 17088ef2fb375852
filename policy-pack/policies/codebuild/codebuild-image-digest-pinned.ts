import { NOT_KNOWN, SecureDsResourcePolicy, TYPES, decoded, known, propsOf, strings, text } from "../common";

/**
 * A private ECR image pinned by digest: `<account>.dkr.ecr.<region>.amazonaws.com[.cn]/<repository>@sha256:<64 hex>`
 * (ECR user guide, "Pulling an image": `repository@sha256:digest`).
 */
const PINNED = /^(\d{12})\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?\/[a-z0-9._/-]+@sha256:[0-9a-f]{64}$/;

/**
 * S7: every build of the package gate runs the toolchain image of the platform's own
 * registry, pinned by digest, and pulls it with its service role. A tag can be moved, a public or
 * curated image installs its tools at build time from public indexes, and an image of another
 * account is someone else's code with the publish role's credentials. The account is the one the
 * project's own provider is locked to (`allowedAccountIds`).
 */
export const codebuildImageDigestPinned: SecureDsResourcePolicy = {
    name: "codebuild-image-digest-pinned",
    description:
        "CodeBuild projects must run an image of their own account's ECR registry pinned by digest (repository@sha256:<64 hex>), pulled with imagePullCredentialsType SERVICE_ROLE (S7).",
    controls: ["S7", "S3"],
    remediation:
        'Set packages.toolchainImage to <shared-services account>.dkr.ecr.<region>.amazonaws.com/<org>-<env>/package-gate-toolchain@sha256:<digest> (docs/operations.md, "Package gate toolchain image"); never a tag or a curated image.',
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        const p = propsOf(args, TYPES.codebuildProject);
        if (!p) return;
        const image = known(() => p.environment?.image);
        if (image === NOT_KNOWN) {
            reportViolation(`CodeBuild project ${args.name}: its image is unknown in this preview; the gate's image comes from config and must be known (S7).`);
            return;
        }
        const uri = text(image) ?? "";
        const m = PINNED.exec(uri);
        if (!m) {
            reportViolation(
                `CodeBuild project ${args.name} runs image "${uri || "(none)"}", not a private ECR image pinned by digest (<repository>@sha256:<64 hex>); a tag can be moved and a curated image installs tools at build time (S7).`,
            );
            return;
        }
        const accounts = known(() => strings(decoded(args.provider?.props.allowedAccountIds)));
        if (accounts !== NOT_KNOWN && accounts.length > 0 && !accounts.includes(m[1])) {
            reportViolation(`CodeBuild project ${args.name} pulls its image from account ${m[1]}, not its own (${accounts.join(", ")}) (S7).`);
        }
        const credentials = known(() => p.environment?.imagePullCredentialsType);
        if (credentials !== NOT_KNOWN && text(credentials) !== "SERVICE_ROLE") {
            reportViolation(
                `CodeBuild project ${args.name} pulls its image with ${text(credentials) ?? "CODEBUILD (the default)"} credentials; use SERVICE_ROLE, so only the stage role's one-repository permission can pull (S7).`,
            );
        }
    },
};
