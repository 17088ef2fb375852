/** ECR repositories. One rule per file, named after its policy. */
import { SecureDsPolicy } from "../common";
import { ecrImmutableTags } from "./ecr-immutable-tags";
import { ecrLifecyclePolicy } from "./ecr-lifecycle-policy";
import { ecrRepositoryKms } from "./ecr-repository-kms";
import { ecrScanOnPush } from "./ecr-scan-on-push";

export const rules: SecureDsPolicy[] = [ecrImmutableTags, ecrLifecyclePolicy, ecrRepositoryKms, ecrScanOnPush];
