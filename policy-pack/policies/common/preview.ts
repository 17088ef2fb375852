/**
 * Values that are unknown during a preview. In `pulumi preview` every provider-computed value of a
 * resource being created (id, ARN, key id) is unknown, and so is every input the program derives
 * from one (an IAM document embedding a new role's ARN). The policy SDK hands policies its props
 * behind a proxy (`unknownCheckingProxy` in @pulumi/policy/proxy.js) whose only trap is `get`:
 * reading an unknown property throws `UnknownValueError`, and a policy that lets it escape is not
 * run ("can't run policy … during preview", advisory whatever the policy's level).
 *
 * There is no public way to ask "is this unknown" without reading: `"k" in props` and
 * `Object.keys(props)` are not trapped, so they tell presence (an unknown property is present),
 * and the sentinel values themselves are internal to the SDK. So the one test is to read and catch
 * the SDK's error, which these helpers do. The error class is not in the SDK's type declarations
 * (they strip internals), so it is told by its name; the test harness's stand-in carries the same.
 */

/** What `known()` returns for a value that is unknown in this preview. */
export const NOT_KNOWN: unique symbol = Symbol("not known during preview");

/** True for the error the policy SDK (or the test harness) throws when an unknown value is read. */
export function isUnknownRead(err: unknown): err is Error {
    return err instanceof Error && (err.constructor.name === "UnknownValueError" || err.name === "UnknownValueError");
}

/**
 * Reads a value that may be unknown during a preview: the value, or NOT_KNOWN. Use it for every
 * read that may reach a provider-computed value, so that an unknown leaf does not skip the policy.
 */
export function known<T>(read: () => T): T | typeof NOT_KNOWN {
    try {
        return read();
    } catch (err) {
        if (isUnknownRead(err)) return NOT_KNOWN;
        throw err;
    }
}

/**
 * Presence, not value: true when the value read is unknown (the program set it from a resource
 * being created, so it is set) or is set (not undefined, null or an empty string).
 */
export function isSet(read: () => unknown): boolean {
    const v = known(read);
    return v === NOT_KNOWN || (v !== undefined && v !== null && v !== "");
}

/** Marker the plan (plan/analyzer/judge.ts) recognises in a check deferred to `pulumi up`. */
export const DEFERRED_TO_UP = "deferred to `pulumi up`";

/**
 * Reads a value a policy cannot judge without, such as a policy document that embeds the ARN of a
 * resource being created. When it is unknown the check is deferred, loudly: the SDK's unknown-read
 * error is rethrown with DEFERRED_TO_UP and `what` in its message, so the SDK reports "can't run
 * policy … during preview: deferred to `pulumi up`: …" (never a silent pass) and the plan counts
 * it as deferred. A resource policy so deferred is judged during `pulumi up`, where the engine
 * calls it before creating the resource, with the value resolved. Use it only in resource
 * policies whose `previewDeferral` metadata says why.
 */
export function knownOrDefer<T>(read: () => T, what: string): T {
    try {
        return read();
    } catch (err) {
        if (isUnknownRead(err)) {
            err.message = `${DEFERRED_TO_UP}: ${what} is unknown in a preview (${err.message})`;
        }
        throw err;
    }
}
