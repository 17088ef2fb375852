import { SecureDsPolicy } from "../types";
import { approvedRepositoryNoUpstream } from "./approvedRepositoryNoUpstream";
import { codeartifactDomainKms } from "./codeartifactDomainKms";
import { codebuildKmsEncrypted } from "./codebuildKmsEncrypted";
import { codebuildNotPrivileged } from "./codebuildNotPrivileged";
import { ecrImmutableTags } from "./ecrImmutableTags";
import { ecrRepositoryKms } from "./ecrRepositoryKms";
import { ecrScanOnPush } from "./ecrScanOnPush";
import { pipelineArtifactStoreKms } from "./pipelineArtifactStoreKms";
import { snsTopicKms } from "./snsTopicKms";

export const packagesPolicies: SecureDsPolicy[] = [
    codeartifactDomainKms,
    approvedRepositoryNoUpstream,
    ecrRepositoryKms,
    ecrImmutableTags,
    ecrScanOnPush,
    codebuildNotPrivileged,
    codebuildKmsEncrypted,
    pipelineArtifactStoreKms,
    snsTopicKms,
];
