import { SecureDsPolicy } from "../types";
import { sagemakerDomainKmsKey } from "./domainKmsKey";
import { sagemakerDomainVpcOnly } from "./domainVpcOnly";

export const sagemakerPolicies: SecureDsPolicy[] = [sagemakerDomainVpcOnly, sagemakerDomainKmsKey];
