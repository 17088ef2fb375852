/** Cross-service: resource policies of buckets, keys, topics, queues, repositories, secrets, file systems and vaults. One rule per file, named after its policy. */
import { SecureDsPolicy } from "../common";
import { resourcePolicyNotPublic } from "./resource-policy-not-public";
import { resourcePolicyPlatformAccountsOnly } from "./resource-policy-platform-accounts-only";

export const rules: SecureDsPolicy[] = [resourcePolicyNotPublic, resourcePolicyPlatformAccountsOnly];
