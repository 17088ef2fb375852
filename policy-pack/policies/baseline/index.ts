import { SecureDsPolicy } from "../types";

export const baselinePolicies: SecureDsPolicy[] = [];
