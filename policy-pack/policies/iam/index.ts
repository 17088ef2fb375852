import { SecureDsPolicy } from "../types";
import { iamNoWildcardActionOnAllResources } from "./noWildcardActionOnAllResources";
import { iamPassRoleScoped } from "./passRoleScoped";
import { iamTrustNoOpenPrincipal } from "./trustNoOpenPrincipal";

export const iamPolicies: SecureDsPolicy[] = [iamNoWildcardActionOnAllResources, iamTrustNoOpenPrincipal, iamPassRoleScoped];
