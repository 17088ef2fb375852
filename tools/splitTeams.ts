/**
 * Writes a generated config (bench/generatedConfig.ts, TEAMS × USERS on the dev stack) split
 * into a workload base and team stacks (plan/teamStackSplit.ts), as stack files in DIR:
 *   npm run split-teams -- --teams 100 --users 10 --teams-per-stack 10 --out DIR
 * then plan them: npm run plan -- --stack generated --team-stacks DIR --workers 2
 */
import { generatedConfig } from "../bench/generatedConfig";
import { writeTeamStackFiles } from "../plan/teamStackSplit";
import { parseToolArgs, runTool } from "./cli";

const USAGE = "usage: npm run split-teams -- --teams N --users N --teams-per-stack N --out DIR [--base NAME (default generated)]";

/** Writes the split's stack files into `dir`; returns their paths. */
export function writeSplit(dir: string, teams: number, users: number, teamsPerStack: number, base = "generated"): string[] {
    return writeTeamStackFiles(generatedConfig(teams, users), dir, { base, teamsPerStack });
}

async function main(argv: string[]): Promise<number> {
    const values = parseToolArgs(
        argv,
        {
            teams: { type: "string" },
            users: { type: "string" },
            "teams-per-stack": { type: "string" },
            out: { type: "string" },
            base: { type: "string", default: "generated" },
        },
        USAGE,
    );
    if (typeof values === "number") return values;
    const n = (v: string | undefined, what: string) => {
        const x = Number(v);
        if (!Number.isInteger(x) || x < 1) throw new UsageError(`--${what} must be a whole number of at least 1, not ${JSON.stringify(v)}`);
        return x;
    };
    if (!values.out) {
        console.error(`--out DIR is required\n${USAGE}`);
        return 3;
    }
    try {
        const files = writeSplit(values.out, n(values.teams, "teams"), n(values.users, "users"), n(values["teams-per-stack"], "teams-per-stack"), values.base);
        console.log(`wrote ${files.length} stack files (1 base, ${files.length - 1} team stacks) to ${values.out}`);
        return 0;
    } catch (err) {
        if (err instanceof UsageError) {
            console.error(`${err.message}\n${USAGE}`);
            return 3;
        }
        throw err;
    }
}

class UsageError extends Error {}

if (require.main === module) runTool(main);
