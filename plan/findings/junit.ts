/**
 * The plan's findings as JUnit XML, for `npm run plan -- --junit FILE` (CI test reports): one
 * `<testsuite>` per judged policy, named after it; in it one `<testcase>` per finding, named after
 * the resource, and one passing `no violation` case when the policy found nothing, so every
 * judged policy shows. A mandatory finding (an expired exemption included) is a `<failure>`; an
 * exempted one is `<skipped>` with its justification; an advisory one passes with the message
 * in `<system-out>` (reported, not failing — as `pulumi preview` treats it).
 */
import { policies as packPolicies } from "../../policy-pack/policies";
import { EnforcementLevel, Plan, PlanFinding } from "../types";

const escapeXml = (s: string): string =>
    s
        // XML 1.0 cannot hold most control characters, even escaped.
        .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, "")
        .replace(/&/g, "&amp;")
        .replace(/</g, "&lt;")
        .replace(/>/g, "&gt;")
        .replace(/"/g, "&quot;");

const attrs = (a: Record<string, string | number>): string =>
    Object.entries(a)
        .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
        .join("");

type Outcome = "failure" | "skipped" | "passed";

export function junitOutcome(f: PlanFinding): Outcome {
    if (f.exemption?.state === "exempted") return "skipped";
    return f.level === "mandatory" ? "failure" : "passed";
}

function testcase(plan: Plan, f: PlanFinding): string {
    const name = f.name ? `${f.name}` : `stack ${plan.stack}`;
    const head = `    <testcase${attrs({ classname: `secure-ds.${plan.stack}.${f.policy}`, name, file: `Pulumi.${plan.stack}.yaml` })}>`;
    const props = `      <properties>${[
        ["urn", f.urn ?? ""],
        ["severity", f.severity ?? ""],
        ["level", f.level],
        ["controls", f.controls.join(",")],
        ["peerChecks", (f.peerChecks ?? []).map((c) => `${c.source}:${c.id}`).join(",")],
        ...(f.exemption ? [["exemption", `${f.exemption.state} ${f.exemption.source ?? ""}#${f.exemption.id}`]] : []),
    ]
        .map(([n, v]) => `<property${attrs({ name: n as string, value: v as string })}/>`)
        .join("")}</properties>`;
    const outcome = junitOutcome(f);
    const body =
        outcome === "failure"
            ? `      <failure${attrs({ message: f.message.split("\n")[0] ?? "", type: `${f.severity ?? "medium"} ${f.policy}` })}>${escapeXml(`${f.message}\n\nRemediation: ${f.remediation ?? ""}`)}</failure>`
            : outcome === "skipped"
              ? `      <skipped${attrs({ message: `exempted until ${f.exemption?.expires}: ${f.exemption?.justification} (approved by ${f.exemption?.approver})` })}/>`
              : `      <system-out>${escapeXml(`advisory: ${f.message}\n\nRemediation: ${f.remediation ?? ""}`)}</system-out>`;
    return [head, props, body, "    </testcase>"].join("\n");
}

export function toJunit(plan: Plan, levels: Record<string, EnforcementLevel>): string {
    const suites: string[] = [];
    let tests = 0;
    let failures = 0;
    let skipped = 0;
    for (const p of packPolicies) {
        if ((levels[p.name] ?? "mandatory") === "disabled") continue;
        const findings = plan.findings.filter((f) => f.policy === p.name);
        const cases = findings.map((f) => testcase(plan, f));
        if (findings.length === 0) cases.push(`    <testcase${attrs({ classname: `secure-ds.${plan.stack}.${p.name}`, name: "no violation" })}/>`);
        const f = findings.filter((x) => junitOutcome(x) === "failure").length;
        const s = findings.filter((x) => junitOutcome(x) === "skipped").length;
        tests += cases.length;
        failures += f;
        skipped += s;
        suites.push(`  <testsuite${attrs({ name: p.name, tests: cases.length, failures: f, errors: 0, skipped: s })}>\n${cases.join("\n")}\n  </testsuite>`);
    }
    return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${attrs({ name: `secure-ds plan ${plan.stack}`, tests, failures, errors: 0, skipped })}>\n${suites.join("\n")}\n</testsuites>\n`;
}
