import { SecureDsPolicy } from "../types";

export const packagesPolicies: SecureDsPolicy[] = [];
