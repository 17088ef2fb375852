import { SecureDsPolicy } from "../types";

export const teamPolicies: SecureDsPolicy[] = [];
