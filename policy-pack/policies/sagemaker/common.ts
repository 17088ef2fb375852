import { list, record, text } from "../common";
/** Helpers shared by the SageMaker rules. */

/** Security group ids listed in a settings block, or undefined when the list is absent or empty. */
export function securityGroupIds(settings: unknown): string[] | undefined {
    const ids = list(record(settings).securityGroups)
        .map(text)
        .filter((v): v is string => v !== undefined);
    return ids.length > 0 ? ids : undefined;
}
