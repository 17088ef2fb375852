/**
 * `plan --diff BASE` on planted plans: every operation, the force-new data, protected deletes,
 * preview unknowns, a stack export's secrets and provider defaults, and bad base files.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { DiffBase, DiffBaseError, readDiffBase } from "../../plan/diff/base";
import { diffPlan } from "../../plan/diff/compare";
import { FORCE_NEW } from "../../plan/diff/forceNew";
import { formatDiff } from "../../plan/diff/format";
import { PLAN_FORMAT_VERSION, PLAN_UNKNOWN, Plan, PlanResource } from "../../plan/types";
import { planResource } from "../harness/planResource";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "secure-ds-diff-"));

function plan(stack: string, resources: PlanResource[]): Plan {
    return { formatVersion: PLAN_FORMAT_VERSION, project: "secure-ds", stack, mode: "preview", resources } as Plan;
}

const role = (stack: string, inputs: Record<string, unknown>) => planResource(stack, "aws:iam/role:Role", "team-a-scientist", inputs);
const trust = (users: string[]) =>
    JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Condition: { StringEquals: { "aws:RequestTag/studiouserid": users } } }] });

/** A saved plan as the base. */
function planBase(p: Plan): DiffBase {
    const file = path.join(tmp, `${p.stack}-${Math.random().toString(36).slice(2)}.json`);
    fs.writeFileSync(file, JSON.stringify(p));
    return readDiffBase(file);
}

/** `pulumi stack export` output (deployment version 3) holding these resources as state. */
function exportBase(resources: Record<string, unknown>[]): DiffBase {
    const file = path.join(tmp, `export-${Math.random().toString(36).slice(2)}.json`);
    fs.writeFileSync(
        file,
        JSON.stringify({ version: 3, deployment: { manifest: { time: "2026-11-30T00:00:00Z", magic: "", version: "v3.200.0" }, resources } }),
    );
    return readDiffBase(file);
}

describe("plan --diff against a saved plan", () => {
    const before = plan("dev", [role("dev", { name: "acme-dev-a-scientist", path: "/", assumeRolePolicy: trust(["alice"]) })]);

    it("reports a trust-policy change as an in-place update with the document path that changed", () => {
        const after = plan("dev", [role("dev", { name: "acme-dev-a-scientist", path: "/", assumeRolePolicy: trust(["alice", "frank"]) })]);
        const diff = diffPlan(planBase(before), after);
        expect(diff.counts).toEqual({ create: 0, update: 1, replace: 0, delete: 0, same: 0 });
        expect(diff.resources[0].changes).toEqual([
            { path: "assumeRolePolicy.Statement[0].Condition.StringEquals.aws:RequestTag/studiouserid[1]", kind: "add", new: "frank" },
        ]);
    });

    it("reports a role path change as a replace, citing the provider schema", () => {
        const after = plan("dev", [role("dev", { name: "acme-dev-a-scientist", path: "/teams/", assumeRolePolicy: trust(["alice"]) })]);
        const diff = diffPlan(planBase(before), after);
        expect(diff.counts.replace).toBe(1);
        expect(diff.resources[0].changes[0].forcesReplacement).toEqual({ property: "path", source: FORCE_NEW["aws:iam/role:Role"].source });
        const text = formatDiff(diff, "dev").join("\n");
        expect(text).toContain("  +- aws:iam/role:Role team-a-scientist  replace");
        expect(text).toContain('~ path: "/" => "/teams/"  [forces replacement: path]');
        expect(text).toContain("internal/service/iam/role.go");
    });

    it("compares JSON documents as documents: reordered keys are no change", () => {
        const reordered = JSON.stringify({ Statement: JSON.parse(trust(["alice"])).Statement, Version: "2012-10-17" });
        const after = plan("dev", [role("dev", { name: "acme-dev-a-scientist", path: "/", assumeRolePolicy: reordered })]);
        expect(diffPlan(planBase(before), after).counts).toEqual({ create: 0, update: 0, replace: 0, delete: 0, same: 1 });
    });

    it("counts a value unknown in the preview as unknown, not as a change", () => {
        const after = plan("dev", [role("dev", { name: "acme-dev-a-scientist", path: "/", assumeRolePolicy: PLAN_UNKNOWN })]);
        const diff = diffPlan(planBase(before), after);
        expect(diff.counts.same).toBe(1);
        expect(diff.unknownOnly).toBe(1);
        expect(diff.resources).toEqual([]);
    });

    it("lists creates and deletes, and calls out the delete of a protected resource", () => {
        const bucket = planResource("dev", "aws:s3/bucket:Bucket", "team-a-data", { bucket: "acme-dev-a-data" });
        bucket.options.protect = true;
        const diff = diffPlan(
            planBase(plan("dev", [...before.resources, bucket])),
            plan("dev", [...before.resources, planResource("dev", "aws:ssm/parameter:Parameter", "p", { name: "/x" })]),
        );
        expect(diff.counts).toMatchObject({ create: 1, delete: 1, same: 1 });
        expect(diff.resources.map((r) => [r.op, r.name, r.protectedDelete ?? false])).toEqual([
            ["create", "p", false],
            ["delete", "team-a-data", true],
        ]);
        const text = formatDiff(diff, "dev").join("\n");
        expect(text).toContain("  -  aws:s3/bucket:Bucket team-a-data  delete  PROTECTED");
        expect(text).toContain("1 protected resource(s) would be deleted");
    });

    it("matches a copy of the stack planned under another name by URN without the stack", () => {
        const after = plan("dev-copy", [role("dev-copy", { name: "acme-dev-a-scientist", path: "/", assumeRolePolicy: trust(["alice"]) })]);
        const diff = diffPlan(planBase(before), after);
        expect(diff.counts.same).toBe(1);
        expect(formatDiff(diff, "dev-copy")[0]).toContain("matched by URN without the stack name");
    });

    it("names the types whose updates it cannot classify", () => {
        const a = planResource("dev", "aws:sns/topic:Topic", "t", { displayName: "a" });
        const b = planResource("dev", "aws:sns/topic:Topic", "t", { displayName: "b" });
        expect(diffPlan(planBase(plan("dev", [a])), plan("dev", [b])).uncoveredTypes).toEqual(["aws:sns/topic:Topic"]);
    });
});

describe("plan --diff against `pulumi stack export`", () => {
    const state = (inputs: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
        urn: "urn:pulumi:dev::secure-ds::aws:iam/role:Role::team-a-scientist",
        custom: true,
        id: "acme-dev-a-scientist",
        type: "aws:iam/role:Role",
        inputs,
        outputs: { ...inputs, arn: "arn:aws:iam::111111111111:role/acme-dev-a-scientist" },
        ...extra,
    });
    const now = plan("dev", [role("dev", { name: "acme-dev-a-scientist", path: "/", assumeRolePolicy: trust(["alice"]) })]);

    it("ignores inputs the provider filled from defaults (__defaults) and compares the rest", () => {
        const base = exportBase([
            state({
                __defaults: ["forceDetachPolicies", "maxSessionDuration"],
                name: "acme-dev-a-scientist",
                path: "/",
                assumeRolePolicy: trust(["alice"]),
                forceDetachPolicies: false,
                maxSessionDuration: 3600,
            }),
        ]);
        expect(base.kind).toBe("stack-export");
        expect(diffPlan(base, now).counts.same).toBe(1);
    });

    it("does not compare a secret the export holds encrypted", () => {
        const secret = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", ciphertext: "AAAB" };
        const diff = diffPlan(exportBase([state({ name: "acme-dev-a-scientist", path: "/", assumeRolePolicy: secret })]), now);
        expect(diff.counts.same).toBe(1);
    });

    it("skips resources pending deletion and takes replaceOnChanges from state", () => {
        const base = exportBase([
            state({ name: "acme-dev-a-scientist", path: "/", assumeRolePolicy: trust(["bob"]) }, { replaceOnChanges: ["assumeRolePolicy"] }),
            { ...state({ name: "old" }), delete: true },
        ]);
        const diff = diffPlan(base, now);
        expect(diff.counts).toMatchObject({ replace: 1, delete: 0 });
        expect(diff.resources[0].changes[0].forcesReplacement?.property).toBe("assumeRolePolicy");
    });

    it("protect from state marks a delete", () => {
        const diff = diffPlan(exportBase([state({ name: "x" }, { protect: true })]), plan("dev", []));
        expect(diff.resources).toMatchObject([{ op: "delete", protectedDelete: true }]);
    });
});

describe("a bad base file", () => {
    const write = (name: string, text: string) => {
        const file = path.join(tmp, name);
        fs.writeFileSync(file, text);
        return file;
    };
    it.each([
        ["missing.json", undefined, /no such file; give a saved plan/],
        ["text.json", "not json", /not JSON/],
        ["other.json", JSON.stringify({ hello: 1 }), /neither a secure-ds plan .* nor a `pulumi stack export` file/],
        ["v2.json", JSON.stringify({ version: 2, deployment: { resources: [] } }), /deployment of version 2; this reads version 3/],
        ["plan1.json", JSON.stringify({ formatVersion: 1, resources: [] }), /format version 1; plan the base again/],
        ["noUrn.json", JSON.stringify({ version: 3, deployment: { resources: [{ type: "x" }] } }), /deployment.resources\[0\] has no urn or type/],
    ])("%s is refused with a DiffBaseError naming the file", (name, text, message) => {
        const file = text === undefined ? path.join(tmp, name) : write(name, text);
        expect(() => readDiffBase(file)).toThrow(DiffBaseError);
        expect(() => readDiffBase(file)).toThrow(message);
    });
});
