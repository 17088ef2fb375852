/**
 * What the command-line tools (plan, iam-lint) share: strict option parsing with the same answer
 * to `--help` and to a usage error, and the same exit on an unexpected error (code 3).
 */
import { parseArgs, type ParseArgsConfig } from "node:util";

type Options = NonNullable<ParseArgsConfig["options"]>;
type Values<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: O; strict: true }>>["values"];

/**
 * Parses `argv` strictly against `options` (plus `--help`). Returns the values, or the exit code
 * to stop with: 0 after printing the usage for --help, 3 after printing a usage error.
 */
export function parseToolArgs<const O extends Options>(argv: string[], options: O, usage: string): Values<O> | number {
    let values: Record<string, unknown>;
    try {
        ({ values } = parseArgs({ args: argv, options: { ...options, help: { type: "boolean", default: false } }, strict: true }));
    } catch (err) {
        console.error(`${(err as Error).message}\n${usage}`);
        return 3;
    }
    if (values.help) {
        console.log(usage);
        return 0;
    }
    return values as Values<O>;
}

/** Runs a tool's `main` over the process arguments and exits with its code; an unexpected error exits 3. */
export function runTool(main: (argv: string[]) => Promise<number>): void {
    main(process.argv.slice(2)).then(
        (code) => process.exit(code),
        (err: unknown) => {
            console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
            process.exit(3);
        },
    );
}
