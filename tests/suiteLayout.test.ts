/** The split of the test files into vitest projects (tests/harness/suiteLayout.ts, vitest.config.mts). */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../plan/stackConfig";
import { suiteLayout, suiteProject } from "./harness/suiteLayout";

function testFiles(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) return testFiles(full);
        return e.name.endsWith(".test.ts") ? [path.relative(REPO_ROOT, full)] : [];
    });
}

describe("test suite layout", () => {
    it("puts every test file in exactly one project", () => {
        const layout = suiteLayout(REPO_ROOT);
        const all = Object.values(layout).flat();
        expect(new Set(all).size).toBe(all.length);
        expect(all.sort()).toEqual(testFiles(path.join(REPO_ROOT, "tests")).sort());
    });

    it("follows imports through helpers: a file that reaches the mock runtime or the plans never shares a process", () => {
        // Through tests/studio/fixtures.ts to plan/engine.ts.
        expect(suiteProject("tests/studio/secureStudioDomain.test.ts", REPO_ROOT)).toBe("components");
        // Calls buildPlan: reaches the program through plan/buildPlan.ts.
        expect(suiteProject("tests/plan/plan.test.ts", REPO_ROOT)).toBe("stack");
        // Reads the run's plans only.
        expect(suiteProject("tests/team/jobNetwork.test.ts", REPO_ROOT)).toBe("stack");
        // Reads the run's preview plans; without them they would be components files.
        expect(suiteProject("tests/engine/previewJudging.test.ts", REPO_ROOT)).toBe("stack");
        expect(suiteProject("tests/engine/cliPlan.test.ts", REPO_ROOT)).toBe("stack");
        expect(suiteProject("tests/packages/scanEgressNetwork.test.ts", REPO_ROOT)).toBe("stack");
        expect(suiteProject("tests/iam/lint.test.ts", REPO_ROOT)).toBe("unit");
        expect(suiteProject("tests/suiteLayout.test.ts", REPO_ROOT)).toBe("unit");
    });
});
