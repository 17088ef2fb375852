/**
 * The diff printed as `pulumi preview --diff` prints it: one line per resource with its sign
 * (`+` create, `~` update, `+-` replace, `-` delete), then its changed properties.
 */
import { PLAN_UNKNOWN } from "../types";
import { PlanDiff, PropertyChange, ResourceDiff } from "./types";

const SIGN: Record<ResourceDiff["op"], string> = { create: "+ ", update: "~ ", replace: "+-", delete: "- " };

/** A value in one short line: strings quoted, long values cut. */
function show(value: unknown): string {
    if (value === PLAN_UNKNOWN) return "output<unknown>";
    const text = JSON.stringify(value) ?? "undefined";
    return text.length > 70 ? `${text.slice(0, 67)}...` : text;
}

function propertyLine(c: PropertyChange): string {
    const why = c.forcesReplacement ? `  [forces replacement: ${c.forcesReplacement.property}]` : "";
    switch (c.kind) {
        case "add":
            return `+ ${c.path}: ${show(c.new)}${why}`;
        case "remove":
            return `- ${c.path}: ${show(c.old)}${why}`;
        case "change":
            return `~ ${c.path}: ${show(c.old)} => ${show(c.new)}${why}`;
        case "unknown":
            return `? ${c.path}: ${show(c.old)} => output<unknown> (known after the upstream resource exists; not counted)`;
        case "secret":
            return `? ${c.path}: [secret] (encrypted in the base; not compared)`;
    }
}

/** `details`: the property lines of updates and replaces (on by default, as `--diff` asks for them). */
export function formatDiff(diff: PlanDiff, stack: string, details = true): string[] {
    const base = diff.base.kind === "plan" ? `saved plan of stack ${diff.base.stack}` : `\`pulumi stack export\` of stack ${diff.base.stack}`;
    const lines = [`Diff against ${diff.base.file} (${base})${diff.base.stack !== stack ? `, matched by URN without the stack name` : ""}:`];
    for (const r of diff.resources) {
        const protectedNote = r.protectedDelete
            ? "  PROTECTED: the engine refuses this delete and `pulumi up` fails; `pulumi state unprotect` first if it is meant"
            : "";
        lines.push(`  ${SIGN[r.op]} ${r.type} ${r.name}  ${r.op}${protectedNote}`);
        if (!details) continue;
        for (const c of r.changes) lines.push(`        ${propertyLine(c)}`);
        const reasons = [...new Set(r.changes.flatMap((c) => (c.forcesReplacement ? [c.forcesReplacement.source] : [])))];
        for (const source of reasons) lines.push(`        (${source})`);
    }
    const c = diff.counts;
    lines.push(`Resources: ${c.create} to create, ${c.update} to update, ${c.replace} to replace, ${c.delete} to delete, ${c.same} unchanged`);
    if (diff.unknownOnly > 0) lines.push(`  ${diff.unknownOnly} unchanged resource(s) hold values a preview cannot know yet (not counted as changes)`);
    const protectedDeletes = diff.resources.filter((r) => r.protectedDelete).length;
    if (protectedDeletes > 0) lines.push(`  ${protectedDeletes} protected resource(s) would be deleted: \`pulumi up\` refuses (listed above)`);
    if (diff.uncoveredTypes.length > 0) {
        lines.push(`  updates of types without force-new data (plan/diff/forceNew.ts), taken as in place: ${diff.uncoveredTypes.join(", ")}`);
    }
    return lines;
}
