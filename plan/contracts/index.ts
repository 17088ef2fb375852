/** Every AWS-side contract rule, one data file per service. */
import { EC2_RULES } from "./ec2";
import { GOVERNANCE_RULES } from "./governance";
import { IAM_RULES } from "./iam";
import { KMS_RULES } from "./kms";
import { LAMBDA_RULES } from "./lambda";
import { LOGS_RULES } from "./logs";
import { MESSAGING_RULES } from "./messaging";
import { PACKAGES_RULES } from "./packages";
import { S3_RULES } from "./s3";
import { SAGEMAKER_RULES } from "./sagemaker";
import { TAG_RULES } from "./tags";
import { PlanResource } from "../types";
import { checkContracts } from "./check";
import { ContractRule, ContractViolation } from "./types";

export const CONTRACT_RULES: readonly ContractRule[] = [
    ...EC2_RULES,
    ...GOVERNANCE_RULES,
    ...IAM_RULES,
    ...KMS_RULES,
    ...LAMBDA_RULES,
    ...LOGS_RULES,
    ...MESSAGING_RULES,
    ...PACKAGES_RULES,
    ...S3_RULES,
    ...SAGEMAKER_RULES,
    ...TAG_RULES,
];

/** The inputs of the plan's resources that the AWS API would reject, by every rule of this folder. */
export function checkPlanContracts(resources: readonly PlanResource[]): ContractViolation[] {
    return checkContracts(resources, CONTRACT_RULES);
}

export { checkContracts };
export type { ContractRule, ContractViolation } from "./types";
