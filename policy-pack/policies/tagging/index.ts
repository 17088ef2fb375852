import { SecureDsPolicy } from "../types";
import { mandatoryTags } from "./mandatoryTags";

export const taggingPolicies: SecureDsPolicy[] = [mandatoryTags];
