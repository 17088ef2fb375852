/**
 * The progress line of a long plan, on stderr: resources registered while the program runs, then
 * resources the policy pack has judged. A 17,000-resource plan takes minutes; without it nothing
 * shows that work is going on. On a terminal it rewrites one line; elsewhere (a CI log, with
 * `--progress`) it prints a line at most every PLAIN_INTERVAL_MS and at each phase change.
 */

export interface PlanProgress {
    stack: string;
    /** `program`: the program registers resources; `policies`: it has exited and the pack judges; `done`. */
    phase: "program" | "policies" | "done";
    registered: number;
    /** Resources whose Remediate and Analyze have answered. */
    analyzed: number;
}

export type ProgressListener = (progress: PlanProgress) => void;

/** Where the line goes: stderr, or a stand-in in tests. */
export interface ProgressStream {
    isTTY?: boolean;
    write(text: string): unknown;
}

const TTY_INTERVAL_MS = 100;
const PLAIN_INTERVAL_MS = 2_000;

export function progressText(p: PlanProgress): string {
    const stack = p.stack;
    switch (p.phase) {
        case "program":
            return `plan ${stack}: program running, ${p.registered} resources registered, ${p.analyzed} judged by the policy pack`;
        case "policies":
            return `plan ${stack}: program done (${p.registered} resources), policy pack judged ${p.analyzed} of ${p.registered}, then the stack policies`;
        case "done":
            return `plan ${stack}: ${p.registered} resources registered and judged`;
    }
}

/** A listener that writes the progress line to `stream`, throttled. */
export function progressReporter(stream: ProgressStream, now: () => number = Date.now): ProgressListener {
    let last = -Infinity;
    let lastPhase: PlanProgress["phase"] | undefined;
    let lastText = "";
    return (p) => {
        const t = now();
        const text = progressText(p);
        const changed = p.phase !== lastPhase;
        if (!changed && (text === lastText || t - last < (stream.isTTY ? TTY_INTERVAL_MS : PLAIN_INTERVAL_MS))) return;
        last = t;
        lastPhase = p.phase;
        lastText = text;
        if (stream.isTTY) stream.write(`\r\x1b[K${text}${p.phase === "done" ? "\n" : ""}`);
        else stream.write(`${text}\n`);
    };
}
