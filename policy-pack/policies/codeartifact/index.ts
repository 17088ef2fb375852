/** CodeArtifact domains and repositories (the package mirror). One rule per file, named after its policy. */
import { SecureDsPolicy } from "../common";
import { codeartifactApprovedNoUpstream } from "./codeartifact-approved-no-upstream";
import { codeartifactDomainKms } from "./codeartifact-domain-kms";

export const rules: SecureDsPolicy[] = [codeartifactApprovedNoUpstream, codeartifactDomainKms];
