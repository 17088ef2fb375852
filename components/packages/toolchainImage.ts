/**
 * The package gate's toolchain image (S7): the scanners, twine, the AWS CLI, ClamAV and Node.js
 * baked into one image in the platform's own ECR, referenced by digest, so no build of the gate
 * installs a tool from a public index at build time and a re-pushed tag cannot change what runs.
 * Pure module: the config schema validates with it, ScanPipeline builds the pull permission from it.
 */

/** What a digest-pinned ECR image reference names. */
export interface ToolchainImage {
    /** The whole reference as configured: `<account>.dkr.ecr.<region>.<dns suffix>/<repository>@sha256:<64 hex>`. */
    uri: string;
    accountId: string;
    region: string;
    repository: string;
    /** `sha256:<64 lower-case hex>`. */
    digest: string;
}

/**
 * ECR repository names: lower-case components of letters and digits separated by `.`, `_`, `-`,
 * joined by `/`, 2 to 256 characters (ECR API reference, CreateRepository, repositoryName).
 */
const REPOSITORY = /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/;
/** Registry host of a private ECR registry (ECR user guide, "Private registry concepts"); China regions end in .com.cn. */
const REFERENCE = /^(\d{12})\.dkr\.ecr\.([a-z]{2}(?:-[a-z]+)+-\d)\.amazonaws\.com(?:\.cn)?\/([^@:]+)(@sha256:[0-9a-f]{64}|:[^@]+|@.*)?$/;

/** The ECR repository the toolchain image lives in, created by ScanPipeline: `<org>-<env>/package-gate-toolchain`. */
export function toolchainRepositoryName(prefix: string): string {
    return `${prefix}/package-gate-toolchain`;
}

/**
 * Parses a toolchain image reference; returns the parts, or why it is refused (a sentence naming the
 * fix). A tag is refused: tags can be moved (even with immutable tags, a new tag can be configured
 * without review of what it points at), a digest names exactly one image.
 */
export function parseToolchainImage(uri: string): ToolchainImage | string {
    const m = REFERENCE.exec(uri);
    if (!m) {
        return `"${uri}" is not an ECR image reference; use <account>.dkr.ecr.<region>.amazonaws.com/<repository>@sha256:<64 hex digits>`;
    }
    const [, accountId, region, repository, pin] = m;
    if (!pin || !pin.startsWith("@sha256:") || pin.length !== "@sha256:".length + 64) {
        const given = pin ? `"${pin.slice(1)}"` : "no digest";
        return `"${uri}" names ${given}; pin the image by digest (<repository>@sha256:<64 lower-case hex digits>, from docker buildx imagetools inspect or aws ecr describe-images), never by tag`;
    }
    if (repository.length < 2 || repository.length > 256 || !REPOSITORY.test(repository)) {
        return `"${uri}": repository "${repository}" is not an ECR repository name (lower-case letters, digits, . _ - and /, 2 to 256 characters)`;
    }
    return { uri, accountId, region, repository, digest: pin.slice(1) };
}

/** Why the image is not the platform's own toolchain image (account, region, repository), or undefined. */
export function toolchainImageProblem(image: ToolchainImage, expected: { accountId: string; region: string; repository: string }): string | undefined {
    if (image.accountId !== expected.accountId) {
        return `is in account ${image.accountId}; the gate pulls its tools only from the shared-services account's registry (${expected.accountId})`;
    }
    if (image.region !== expected.region) return `is in region ${image.region}; use the registry of the platform's region ${expected.region}`;
    if (image.repository !== expected.repository) {
        return `is in repository ${image.repository}; push the image to ${expected.repository}, the repository the program creates and the stage roles may pull from`;
    }
    return undefined;
}

/**
 * The CodeBuild environment of every gate build: the toolchain image, pulled with the project's
 * service role (whose policy names this one repository; CODEBUILD credentials would need a
 * repository policy for the service instead), no Docker daemon (privileged mode is root on the host).
 */
export function toolchainEnvironment(image: string, computeType: string) {
    return { type: "LINUX_CONTAINER", computeType, image, imagePullCredentialsType: "SERVICE_ROLE", privilegedMode: false };
}
