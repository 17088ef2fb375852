/**
 * Every policy of the secure-ds pack. One rule per file, grouped by area; each area's index
 * lists its rules. This array is what policy-pack/index.ts hands to `new PolicyPack` and what
 * the offline plan evaluates. Policy names are unique (tests/policies/pack.test.ts).
 */
import { baselinePolicies } from "./baseline";
import { governancePolicies } from "./governance";
import { iamPolicies } from "./iam";
import { kmsPolicies } from "./kms";
import { networkPolicies } from "./network";
import { packagesPolicies } from "./packages";
import { s3Policies } from "./s3";
import { sagemakerPolicies } from "./sagemaker";
import { studioPolicies } from "./studio";
import { taggingPolicies } from "./tagging";
import { teamPolicies } from "./team";
import { SecureDsPolicy } from "./types";

export const policies: SecureDsPolicy[] = [
    ...sagemakerPolicies,
    ...studioPolicies,
    ...networkPolicies,
    ...s3Policies,
    ...kmsPolicies,
    ...taggingPolicies,
    ...teamPolicies,
    ...packagesPolicies,
    ...governancePolicies,
    ...iamPolicies,
    ...baselinePolicies,
];
