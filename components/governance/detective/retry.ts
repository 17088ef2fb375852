/**
 * Retries with exponential backoff and full jitter on throttling. The SDK clients retry too
 * (adaptive mode); this outer loop covers a burst of events that exhausts the SDK's attempts,
 * which is exactly when remediation must not be dropped.
 */

const THROTTLING = new Set([
    "ThrottlingException",
    "Throttling",
    "ThrottledException",
    "TooManyRequestsException",
    "RequestLimitExceeded",
    "RequestThrottled",
    "RequestThrottledException",
    "SlowDown",
]);

export function isThrottling(err: unknown): boolean {
    if (err === null || typeof err !== "object") return false;
    const e = err as { name?: unknown; code?: unknown; $retryable?: { throttling?: boolean } };
    return THROTTLING.has(String(e.name)) || THROTTLING.has(String(e.code)) || e.$retryable?.throttling === true;
}

export interface RetryOptions {
    /** Total attempts, the first included. */
    attempts: number;
    /** Base delay in ms; attempt n waits up to base * 2^n. */
    baseDelayMs: number;
    /** Upper bound of one wait. */
    maxDelayMs: number;
    sleep: (ms: number) => Promise<void>;
    /** [0, 1): injectable for deterministic tests. */
    random: () => number;
}

export const defaultRetryOptions: RetryOptions = {
    attempts: 6,
    baseDelayMs: 200,
    maxDelayMs: 5000,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    random: Math.random,
};

export async function withThrottleRetry<T>(fn: () => Promise<T>, options: RetryOptions = defaultRetryOptions): Promise<T> {
    for (let attempt = 0; ; attempt++) {
        try {
            return await fn();
        } catch (err) {
            if (!isThrottling(err) || attempt + 1 >= options.attempts) throw err;
            const cap = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** attempt);
            await options.sleep(Math.floor(options.random() * cap) + 1);
        }
    }
}
