import { SecureDsPolicy } from "../types";

export const governancePolicies: SecureDsPolicy[] = [];
