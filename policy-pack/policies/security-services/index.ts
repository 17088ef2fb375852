/** The organisation's security services (GuardDuty, Security Hub, Macie). One rule per file, named after its policy. */
import { SecureDsPolicy } from "../common";
import { organizationSecurityServicesAutoEnable } from "./organization-security-services-auto-enable";

export const rules: SecureDsPolicy[] = [organizationSecurityServicesAutoEnable];
