import { SecureDsPolicy } from "../types";

export const iamPolicies: SecureDsPolicy[] = [];
