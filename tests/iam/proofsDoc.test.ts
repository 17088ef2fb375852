/** docs/security-proofs.md is generated from the scenario data and must not drift from it. */
import * as fs from "node:fs";
import { describe, expect, it } from "vitest";
import { PROOFS_DOC, generateProofsDoc } from "../../tools/securityProofsDoc";
import { loadOrganizationPlan, loadStackPlan } from "../harness/stackPlans";

describe("docs/security-proofs.md", () => {
    it("matches the scenario data (run npm run proofs-doc)", async () => {
        // The plans this run built once from the same stack files (tests/harness/stackPlans.ts).
        const expected = await generateProofsDoc((stack) => (stack === "prod" ? loadOrganizationPlan() : loadStackPlan(stack)));
        const committed = fs.existsSync(PROOFS_DOC) ? fs.readFileSync(PROOFS_DOC, "utf8") : "";
        // A plain boolean first, so the failure message is the instruction rather than a 1,000-line diff.
        expect(committed === expected, "docs/security-proofs.md is out of date: run npm run proofs-doc").toBe(true);
    });
});
