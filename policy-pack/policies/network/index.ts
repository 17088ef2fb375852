import { SecureDsPolicy } from "../types";

export const networkPolicies: SecureDsPolicy[] = [];
