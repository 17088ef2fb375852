/** IAM identity and trust policies (roles, managed and inline policies, permission sets). One rule per file, named after its policy. */
import { SecureDsPolicy } from "../common";
import { iamNoDecryptOnAllKeys } from "./iam-no-decrypt-on-all-keys";
import { iamNoServiceWildcardActions } from "./iam-no-service-wildcard-actions";
import { iamNoWildcardActionOnAllResources } from "./iam-no-wildcard-action-on-all-resources";
import { iamPassRoleScoped } from "./iam-pass-role-scoped";
import { iamTrustNoOpenPrincipal } from "./iam-trust-no-open-principal";
import { organizationTrustRestricted } from "./organization-trust-restricted";
import { teamBoundaryDenies } from "./team-boundary-denies";
import { teamNetworkIsolationGuardrail } from "./team-network-isolation-guardrail";

export const rules: SecureDsPolicy[] = [
    iamNoDecryptOnAllKeys,
    iamNoServiceWildcardActions,
    iamNoWildcardActionOnAllResources,
    iamPassRoleScoped,
    iamTrustNoOpenPrincipal,
    organizationTrustRestricted,
    teamBoundaryDenies,
    teamNetworkIsolationGuardrail,
];
