import { SecureDsPolicy } from "../types";
import { cloudtrailKms } from "./cloudtrailKms";
import { cloudtrailLogValidation } from "./cloudtrailLogValidation";
import { cloudtrailMultiRegion } from "./cloudtrailMultiRegion";
import { configRecorderPresent } from "./configRecorderPresent";
import { lambdaDeadLetterQueue } from "./lambdaDeadLetterQueue";
import { lambdaNoPublicUrl } from "./lambdaNoPublicUrl";
import { sqsQueueKms } from "./sqsQueueKms";

/** SNS topic encryption (E10) is the packages area's `sns-topic-kms`; it covers the alert topic too. */
export const governancePolicies: SecureDsPolicy[] = [
    cloudtrailMultiRegion,
    cloudtrailLogValidation,
    cloudtrailKms,
    lambdaNoPublicUrl,
    lambdaDeadLetterQueue,
    sqsQueueKms,
    configRecorderPresent,
];
