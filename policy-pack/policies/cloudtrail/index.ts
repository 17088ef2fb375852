/** CloudTrail trails. One rule per file, named after its policy. */
import { SecureDsPolicy } from "../common";
import { cloudtrailCloudwatchLogs } from "./cloudtrail-cloudwatch-logs";
import { cloudtrailKms } from "./cloudtrail-kms";
import { cloudtrailLogValidation } from "./cloudtrail-log-validation";
import { cloudtrailMultiRegion } from "./cloudtrail-multi-region";
import { cloudtrailNoMemberTrail } from "./cloudtrail-no-member-trail";
import { cloudtrailOrganizationTrail } from "./cloudtrail-organization-trail";
import { cloudtrailS3DataEvents } from "./cloudtrail-s3-data-events";

export const rules: SecureDsPolicy[] = [
    cloudtrailCloudwatchLogs,
    cloudtrailKms,
    cloudtrailLogValidation,
    cloudtrailMultiRegion,
    cloudtrailNoMemberTrail,
    cloudtrailOrganizationTrail,
    cloudtrailS3DataEvents,
];
