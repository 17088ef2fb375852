/** CodeBuild projects (the package scan pipeline). One rule per file, named after its policy. */
import { SecureDsPolicy } from "../common";
import { codebuildImageDigestPinned } from "./codebuild-image-digest-pinned";
import { codebuildInlineBuildspec } from "./codebuild-inline-buildspec";
import { codebuildKmsEncrypted } from "./codebuild-kms-encrypted";
import { codebuildLoggingEnabled } from "./codebuild-logging-enabled";
import { codebuildNoPlaintextCredentials } from "./codebuild-no-plaintext-credentials";
import { codebuildNotPrivileged } from "./codebuild-not-privileged";
import { codebuildVpcNoInternet } from "./codebuild-vpc-no-internet";

export const rules: SecureDsPolicy[] = [
    codebuildImageDigestPinned,
    codebuildInlineBuildspec,
    codebuildKmsEncrypted,
    codebuildLoggingEnabled,
    codebuildNoPlaintextCredentials,
    codebuildNotPrivileged,
    codebuildVpcNoInternet,
];
