/** Cross-service: the mandatory tags on every taggable resource. One rule per file, named after its policy. */
import { SecureDsPolicy } from "../common";
import { mandatoryTags } from "./mandatory-tags";

export const rules: SecureDsPolicy[] = [mandatoryTags];
