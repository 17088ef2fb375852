import { SecureDsPolicy } from "../types";

export const studioPolicies: SecureDsPolicy[] = [];
