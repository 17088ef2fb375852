import { SecureDsPolicy } from "../types";
import { kmsKeyRotation } from "./keyRotation";

export const kmsPolicies: SecureDsPolicy[] = [kmsKeyRotation];
