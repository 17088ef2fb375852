import { NOT_KNOWN, isSet, known, list, record, text } from "../common";
/** Helpers shared by the SageMaker rules. */

/** Security group ids listed in a settings block, or undefined when the list is absent or empty. */
/**
 * Whether settings name at least one security group, known or not: an id unknown in a preview
 * is a group being created with the stack.
 */
export function hasSecurityGroups(settings: unknown): boolean {
    const groups = known(() => list(record(settings).securityGroups));
    if (groups === NOT_KNOWN) return true;
    // By index: Array methods read each element, and reading an unknown one throws.
    for (let i = 0; i < groups.length; i++) if (isSet(() => groups[i])) return true;
    return false;
}

export function securityGroupIds(settings: unknown): string[] | undefined {
    const ids = list(record(settings).securityGroups)
        .map(text)
        .filter((v): v is string => v !== undefined);
    return ids.length > 0 ? ids : undefined;
}
