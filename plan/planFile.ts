/**
 * Reading and writing a plan as a JSON file (docs/plan-format.md). `npm run plan -- --json FILE`
 * writes with writePlanFile; the tests read the plans their global setup wrote with readPlanFile.
 */
import * as fs from "node:fs";
import { PLAN_FORMAT_VERSION, Plan } from "./types";

/** The plan as JSON text, exactly as it is written to a file. */
export function planJson(plan: Plan): string {
    return `${JSON.stringify(plan, null, 2)}\n`;
}

export function writePlanFile(file: string, plan: Plan): void {
    fs.writeFileSync(file, planJson(plan));
}

/** Reads a plan file; throws when the file is not a plan of the current format version. */
export function readPlanFile(file: string): Plan {
    const plan = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<Plan> | null;
    if (plan === null || typeof plan !== "object" || plan.formatVersion !== PLAN_FORMAT_VERSION || !Array.isArray(plan.resources)) {
        throw new Error(`${file}: not a secure-ds plan of format version ${PLAN_FORMAT_VERSION} (formatVersion: ${String(plan?.formatVersion)})`);
    }
    return plan as Plan;
}
