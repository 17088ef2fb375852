/** Helpers shared by the Studio rules. */
import { list, record, text } from "../types";

export const SECURITY_GROUP_TYPE = "aws:ec2/securityGroup:SecurityGroup";

/**
 * Reads a value that may be unknown during a preview. The SDK's proxy throws when an unknown
 * value is read; a stack policy that lets it escape is skipped whole, so per-resource reads that
 * may hit an unknown go through this and get NOT_KNOWN back.
 */
export const NOT_KNOWN: unique symbol = Symbol("not known during preview");

export function known<T>(read: () => T): T | typeof NOT_KNOWN {
    try {
        return read();
    } catch (err) {
        if (err instanceof Error && /unknown/i.test(`${err.constructor.name} ${err.name}`)) return NOT_KNOWN;
        throw err;
    }
}

/** Security group ids listed in a settings block, or undefined when the list is absent or empty. */
export function securityGroupIds(settings: unknown): string[] | undefined {
    const ids = list(record(settings).securityGroups)
        .map(text)
        .filter((v): v is string => v !== undefined);
    return ids.length > 0 ? ids : undefined;
}
