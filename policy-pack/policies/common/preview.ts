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

/** A read that may hit an unknown value: its value, or the SDK's error. */
export type Attempt<T> = { known: true; value: T } | { known: false; error: Error };

/** Runs a read; an unknown value is returned as the error, any other error propagates. */
export function attempt<T>(read: () => T): Attempt<T> {
    try {
        return { known: true, value: read() };
    } catch (err) {
        if (isUnknownRead(err)) return { known: false, error: err };
        throw err;
    }
}

/**
 * Reads a value that may be unknown during a preview: the value, or NOT_KNOWN. Use it for every
 * read that may reach a provider-computed value, so that an unknown leaf does not skip the policy.
 */
export function known<T>(read: () => T): T | typeof NOT_KNOWN {
    const r = attempt(read);
    return r.known ? r.value : NOT_KNOWN;
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
 * Defers a check a policy cannot make without a value that is unknown in this preview, such as a
 * policy document that embeds the ARN of a resource being created, loudly: the SDK's unknown-read
 * error (from `attempt`) is rethrown with DEFERRED_TO_UP and `what` in its message, so the SDK
 * reports "can't run policy … during preview: deferred to `pulumi up`: …" (never a silent pass)
 * and the plan counts it as deferred. A resource policy so deferred is judged during `pulumi up`,
 * where the engine calls it before creating the resource, with the value resolved. Judge what is
 * known first (violations already reported stand), then defer. Only for policies whose
 * `previewDeferral` metadata (common/policy.ts) says why.
 */
export function deferToUp(error: Error, what: string): never {
    error.message = `${DEFERRED_TO_UP}: ${what} unknown in a preview (${error.message})`;
    throw error;
}

/** Reads a value, deferring the check to `pulumi up` (deferToUp) when it is unknown in this preview. */
export function knownOrDefer<T>(read: () => T, what: string): T {
    const r = attempt(read);
    return r.known ? r.value : deferToUp(r.error, what);
}

/**
 * For a stack policy that judges several documents, some possibly unknown in this preview: reads
 * each through `read` (NOT_KNOWN for an unknown one, remembered), and `settle()`, called after
 * every known one was judged, defers the check (deferToUp) when any was unknown. A stack policy
 * so deferred is judged by the stack analysis of `pulumi up`, once the resources exist: that
 * detects, it does not prevent (docs/plan-format.md).
 */
export class Deferrals {
    private first: Error | undefined;
    private readonly what: string[] = [];

    read<T>(read: () => T, what: string): T | typeof NOT_KNOWN {
        const r = attempt(read);
        if (r.known) return r.value;
        this.first ??= r.error;
        if (!this.what.includes(what)) this.what.push(what);
        return NOT_KNOWN;
    }

    settle(): void {
        if (this.first) deferToUp(this.first, this.what.join(", "));
    }
}
