/** Helpers shared by the Studio rules. */
export { NOT_KNOWN, known } from "../types";
import { list, record, text } from "../types";

export const SECURITY_GROUP_TYPE = "aws:ec2/securityGroup:SecurityGroup";

/** Security group ids listed in a settings block, or undefined when the list is absent or empty. */
export function securityGroupIds(settings: unknown): string[] | undefined {
    const ids = list(record(settings).securityGroups)
        .map(text)
        .filter((v): v is string => v !== undefined);
    return ids.length > 0 ? ids : undefined;
}
