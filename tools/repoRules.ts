/**
 * Repository rules that the type checker cannot see. Run by `npm run lint` and by
 * tests/repoRules.test.ts, so CI enforces them.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { sourceFiles } from "./sourceFiles";

export const ROOT = path.resolve(__dirname, "..");

export interface RuleViolation {
    file: string;
    line: number;
    rule: string;
    text: string;
}

interface Rule {
    name: string;
    dirs: string[];
    pattern: RegExp;
    why: string;
}

const RULES: Rule[] = [
    {
        name: "no-agpl-in-shipped-code",
        dirs: ["stacks", "components", "policy-pack", "tools"],
        pattern: /from\s+["']@cloud-copilot\/iam-simulate["']|require\(["']@cloud-copilot\/iam-simulate["']\)/,
        why: "@cloud-copilot/iam-simulate is AGPL-3.0: test-only",
    },
    {
        name: "no-data-source-invokes",
        dirs: ["stacks", "components"],
        pattern: /\baws\.(?:[a-z0-9]+\.)?get[A-Z]\w*(?:Output)?\(|\bgetCallerIdentity\b|\bgetAvailabilityZones\b/,
        why: "account ids, regions and zones come from config so preview needs no credentials",
    },
    {
        name: "policies-import-aws-types-only",
        dirs: ["policy-pack"],
        pattern: /^import\s+(?!type\b)[^;]*from\s+["']@pulumi\/aws(?:\/[^"']*)?["']/,
        why: "loading @pulumi/aws makes the pack slow to start; use `import type`",
    },
    {
        name: "no-explicit-any",
        dirs: ["stacks", "components", "policy-pack", "tools", "bench"],
        // Built from parts so this file does not match itself.
        pattern: new RegExp([":\\s*" + "any\\b", "\\bas\\s+" + "any\\b", "<" + "any>"].join("|")),
        why: "strict typing: use the real type or unknown",
    },
];

export function checkRepoRules(): RuleViolation[] {
    const violations: RuleViolation[] = [];
    for (const rule of RULES) {
        for (const dir of rule.dirs) {
            for (const file of sourceFiles(path.join(ROOT, dir))) {
                fs.readFileSync(file, "utf8")
                    .split("\n")
                    .forEach((text, i) => {
                        if (/^\s*(\/\/|\*)/.test(text)) return;
                        if (rule.pattern.test(text)) {
                            violations.push({ file: path.relative(ROOT, file), line: i + 1, rule: `${rule.name} (${rule.why})`, text: text.trim() });
                        }
                    });
            }
        }
    }
    // Components: the design's type-token convention and registerOutputs.
    for (const file of sourceFiles(path.join(ROOT, "components"))) {
        const source = fs.readFileSync(file, "utf8");
        if (!/extends pulumi\.ComponentResource/.test(source)) continue;
        const token = /super\(\s*"([^"]+)"/.exec(source);
        if (!token || !/^secure-ds:[a-z]+:[A-Z][A-Za-z]+$/.test(token[1])) {
            violations.push({
                file: path.relative(ROOT, file),
                line: 1,
                rule: "component-type-token (secure-ds:<module>:<Name>)",
                text: token?.[1] ?? "no super(...) type token",
            });
        }
        if (!/this\.registerOutputs\(/.test(source)) {
            violations.push({ file: path.relative(ROOT, file), line: 1, rule: "component-register-outputs", text: "no this.registerOutputs(...)" });
        }
    }
    return violations;
}

if (require.main === module) {
    const violations = checkRepoRules();
    for (const v of violations) console.error(`${v.file}:${v.line}: ${v.rule}: ${v.text}`);
    console.log(violations.length === 0 ? "repository rules: OK" : `repository rules: ${violations.length} violation(s)`);
    process.exit(violations.length === 0 ? 0 : 1);
}
