/**
 * The `npm run plan` options for findings: CI reports, policy selection and exemptions. Kept
 * apart from tools/plan.ts so that the command's other options evolve without touching these.
 *
 *   --sarif FILE               SARIF 2.1.0 of the findings (GitHub code scanning), plan/findings/sarif.ts
 *   --junit FILE               JUnit XML of the findings, plan/findings/junit.ts
 *   --only NAME[,NAME]         judge only these policies (repeatable)
 *   --skip NAME[,NAME]         judge all but these (repeatable)
 *   --exemptions FILE          exemption files to use instead of exemptions/shared.yaml and exemptions/<stack>.yaml (repeatable)
 *   --write-pack-config FILE   the pack config with the exemptions merged in, for `pulumi preview --policy-pack-config FILE`
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { configuredLevels, PolicySelection } from "../plan/findings/packConfigMerge";
import { toJunit } from "../plan/findings/junit";
import { toSarif } from "../plan/findings/sarif";
import { REPO_ROOT } from "../plan/stackConfig";
import { Plan } from "../plan/types";

export const REPORT_OPTIONS = {
    sarif: { type: "string" },
    junit: { type: "string" },
    only: { type: "string", multiple: true },
    skip: { type: "string", multiple: true },
    exemptions: { type: "string", multiple: true },
    "write-pack-config": { type: "string" },
} as const;

export const REPORT_USAGE = "[--sarif FILE] [--junit FILE] [--only POLICY[,POLICY]] [--skip POLICY[,POLICY]] [--exemptions FILE] [--write-pack-config FILE]";

export interface ReportValues {
    sarif?: string;
    junit?: string;
    only?: string[];
    skip?: string[];
    exemptions?: string[];
    "write-pack-config"?: string;
}

const names = (values: string[] | undefined): string[] | undefined => values?.flatMap((v) => v.split(",").map((n) => n.trim())).filter((n) => n !== "");

/** The policy selection and exemption files the options ask for (undefined: the defaults). */
export function planInputs(values: ReportValues): { select?: PolicySelection; exemptionFiles?: string[] } {
    const only = names(values.only);
    const skip = names(values.skip);
    return {
        ...(only || skip ? { select: { only, skip } } : {}),
        ...(values.exemptions ? { exemptionFiles: values.exemptions.map((f) => path.resolve(f)) } : {}),
    };
}

function packVersion(): string {
    return (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "policy-pack", "package.json"), "utf8")) as { version: string }).version;
}

/** GitHub Actions names the repository in the environment; elsewhere the SARIF has no informationUri. */
function repositoryUri(): string | undefined {
    const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo } = process.env;
    return server && repo ? `${server}/${repo}` : undefined;
}

/** Writes the files asked for. Written whatever the verdict: CI uploads them when the plan fails too. */
export function writeReports(values: ReportValues, plan: Plan): void {
    const levels = configuredLevels(plan.packConfig);
    if (values.sarif) {
        const sarif = toSarif(plan, { version: packVersion(), informationUri: repositoryUri(), levels });
        fs.writeFileSync(values.sarif, `${JSON.stringify(sarif, null, 2)}\n`);
    }
    if (values.junit) fs.writeFileSync(values.junit, toJunit(plan, levels));
    if (values["write-pack-config"]) fs.writeFileSync(values["write-pack-config"], `${JSON.stringify(plan.packConfig, null, 4)}\n`);
}
