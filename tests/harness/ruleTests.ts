/**
 * The cases of one rule, as tests/policies/<service>/<policy-name>.test.ts declares them (one file
 * per rule, mirroring policy-pack/policies/<service>/<policy-name>.ts). `expectCompliant` and
 * `expectViolations` run a case through runResourcePolicy / runStackPolicy (policyArgs.ts), assert
 * its outcome and record it; `describeRule` closes the file's suite with a test that the rule had
 * at least one compliant and one non-compliant case. tests/policies/layout.test.ts checks that
 * every policy has such a file and that the file uses describeRule for it.
 *
 * A case that expects nothing because the rule does not apply (another type, a value unknown in a
 * preview) is not a compliant case: assert it with runResourcePolicy / runStackPolicy directly.
 * Both fail when the policy was skipped for an unknown value: a preview-shaped case (UNKNOWN ids,
 * relations through propertyDependencies) through them is judged, not skipped.
 */
import { describe, expect, it } from "vitest";
import { SecureDsPolicy, SecureDsResourcePolicy, SecureDsStackPolicy, isStackPolicy } from "../../policy-pack/policies/common";
import { Judged, ResourceCase, StackCaseResource, judgeResourcePolicy, judgeStackPolicy } from "./policyArgs";

/** Passed assertions per policy name, in this test file's process. */
const recorded = new Map<string, { compliant: number; violating: number }>();

function record(policy: SecureDsPolicy, outcome: "compliant" | "violating"): void {
    const r = recorded.get(policy.name) ?? { compliant: 0, violating: 0 };
    r[outcome]++;
    recorded.set(policy.name, r);
}

/** Runs a case; a case the policy was skipped on for an unknown value is neither compliant nor violating. */
async function run(policy: SecureDsPolicy, input: ResourceCase | StackCaseResource[], config?: Record<string, unknown>): Promise<string[]> {
    let judged: Judged;
    if (isStackPolicy(policy)) {
        if (!Array.isArray(input)) throw new Error(`${policy.name} is a stack policy: give it the resources of a stack`);
        judged = await judgeStackPolicy(policy, input, config);
    } else {
        if (Array.isArray(input)) throw new Error(`${policy.name} is a resource policy: give it one resource case`);
        judged = await judgeResourcePolicy(policy, input);
    }
    expect(judged.undecided, `${policy.name} was skipped for an unknown value on ${JSON.stringify(input)}`).toEqual([]);
    return judged.violations;
}

/** Asserts that the compliant case (a resource, or a stack's resources) yields no violation. */
export async function expectCompliant(policy: SecureDsResourcePolicy, c: ResourceCase): Promise<void>;
export async function expectCompliant(policy: SecureDsStackPolicy, resources: StackCaseResource[], config?: Record<string, unknown>): Promise<void>;
export async function expectCompliant(policy: SecureDsPolicy, input: ResourceCase | StackCaseResource[], config?: Record<string, unknown>): Promise<void> {
    expect(await run(policy, input, config), `${policy.name}: ${JSON.stringify(input)}`).toEqual([]);
    record(policy, "compliant");
}

/** Asserts that the case yields at least one violation; returns the messages for further checks. */
export async function expectViolations(policy: SecureDsResourcePolicy, c: ResourceCase): Promise<string[]>;
export async function expectViolations(policy: SecureDsStackPolicy, resources: StackCaseResource[], config?: Record<string, unknown>): Promise<string[]>;
export async function expectViolations(policy: SecureDsPolicy, input: ResourceCase | StackCaseResource[], config?: Record<string, unknown>): Promise<string[]> {
    const violations = await run(policy, input, config);
    expect(violations.length, `${policy.name} reported nothing for ${JSON.stringify(input)}`).toBeGreaterThan(0);
    record(policy, "violating");
    return violations;
}

/**
 * The suite of one rule, named after its policy. Its last test checks that the cases above it
 * include a compliant and a non-compliant one (vitest runs a file's tests in order).
 */
export function describeRule(policy: SecureDsPolicy, cases: () => void): void {
    describe(policy.name, () => {
        cases();
        it("has at least one compliant and one non-compliant case", () => {
            const r = recorded.get(policy.name) ?? { compliant: 0, violating: 0 };
            expect(r.compliant, `${policy.name}: no case passed through expectCompliant`).toBeGreaterThan(0);
            expect(r.violating, `${policy.name}: no case passed through expectViolations`).toBeGreaterThan(0);
        });
    });
}
