/** AWS Config recorders. One rule per file, named after its policy. */
import { SecureDsPolicy } from "../common";
import { configOrganizationAggregator } from "./config-organization-aggregator";
import { configRecorderPresent } from "./config-recorder-present";
import { configRecorderServiceLinkedRole } from "./config-recorder-service-linked-role";

export const rules: SecureDsPolicy[] = [configOrganizationAggregator, configRecorderPresent, configRecorderServiceLinkedRole];
