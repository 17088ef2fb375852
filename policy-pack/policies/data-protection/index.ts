/** Cross-service: deletion protection of the resources that hold data. One rule per file, named after its policy. */
import { SecureDsPolicy } from "../common";
import { dataResourcesProtected } from "./data-resources-protected";

export const rules: SecureDsPolicy[] = [dataResourcesProtected];
