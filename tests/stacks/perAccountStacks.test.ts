/**
 * Per-account stacks: every example stack deploys into one account; prod reads the log-archive
 * and shared-services stacks through typed stack references, resolved by the offline engine
 * from their plans; a missing or ill-typed upstream output fails the program with a line naming
 * the stack and the output; stack policies that span accounts are judged over the set.
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { buildPlan } from "../../plan/buildPlan";
import { ProgramFailedError } from "../../plan/engine";
import { judgeEnvironment } from "../../plan/environment";
import { REPO_ROOT, readStackConfigFile, stackConfigPath } from "../../plan/stackConfig";
import { Plan, PlanResource } from "../../plan/types";
import { ALL_STACKS, ORGANIZATION_STACKS, loadStackPlan } from "../harness/stackPlans";

const STACK_REFERENCE = "pulumi:pulumi:StackReference";
const cloudAccounts = (plan: Plan) =>
    new Set(plan.resources.filter((r) => r.custom && r.type !== STACK_REFERENCE && !r.type.startsWith("pulumi:providers:pulumi")).map((r) => r.account));

describe("one account per stack", () => {
    it.each(ALL_STACKS)("every cloud resource of the %s plan is in one account, the account of its layers", (stack) => {
        const plan = loadStackPlan(stack);
        const accounts = cloudAccounts(plan);
        expect([...accounts]).toEqual([(plan.outputs.account as { id: string }).id]);
        expect(plan.resources.filter((r) => r.type === "pulumi:providers:aws")).toHaveLength(1);
    });

    it("the prod organisation's stacks are four accounts, each built by one stack", () => {
        const owners = new Map<string, string>();
        for (const stack of [...ORGANIZATION_STACKS, "prod" as const]) {
            const [account] = [...cloudAccounts(loadStackPlan(stack))];
            expect(owners.get(String(account)), `${stack} shares account ${String(account)}`).toBeUndefined();
            owners.set(String(account), stack);
        }
        expect(owners.size).toBe(4);
    });

    it("the management stack alone can change organisation policies; prod holds no organisation resource", () => {
        const orgTypes = (p: Plan) =>
            p.resources.filter((r) => r.type.startsWith("aws:organizations/") || r.type.startsWith("aws:ssoadmin/")).map((r) => r.type);
        expect(orgTypes(loadStackPlan("management")).length).toBeGreaterThan(0);
        for (const stack of ["log-archive", "shared-services", "prod"] as const) expect(orgTypes(loadStackPlan(stack)), stack).toEqual([]);
    });
});

describe("stack references", () => {
    const refs = (p: Plan): PlanResource[] => p.resources.filter((r) => r.type === STACK_REFERENCE);

    it("prod reads the log-archive and shared-services stacks, and gets their plans' outputs", () => {
        const prod = loadStackPlan("prod");
        expect(
            refs(prod)
                .map((r) => r.name)
                .sort(),
        ).toEqual(["log-archive", "shared-services"]);
        for (const r of refs(prod)) {
            const upstream = loadStackPlan(r.name as "log-archive" | "shared-services");
            expect(r.outputs.outputs).toEqual(upstream.outputs);
        }
    });

    it("the audit archive and the package index arrive typed: the organisation trail logs prod into the log-archive bucket", () => {
        const archive = loadStackPlan("log-archive").outputs.auditArchive as { bucketName: string; accountId: string };
        expect(archive.accountId).toBe("555555555555");
        // In an organisation prod has no trail of its own: the log-archive account's organisation trail covers it (G11).
        expect(loadStackPlan("prod").resources.filter((r) => r.type === "aws:cloudtrail/trail:Trail")).toEqual([]);
        const trail = loadStackPlan("log-archive").resources.find((r) => r.type === "aws:cloudtrail/trail:Trail");
        expect(trail?.inputs).toMatchObject({ s3BucketName: archive.bucketName, isOrganizationTrail: true });
        const index = loadStackPlan("shared-services").outputs.packageIndex as { pipIndexUrl: string };
        expect(index.pipIndexUrl).toMatch(/^https:\/\/acme-prod-333333333333\.d\.codeartifact\.eu-central-1\.amazonaws\.com\/pypi\//);
    });

    // Plan-vs-plan: prod planned against edited upstream outputs.
    const prodConfig = () => readStackConfigFile(stackConfigPath("prod"));
    const upstreamOutputs = () => ({
        "log-archive": structuredClone(loadStackPlan("log-archive").outputs),
        "shared-services": structuredClone(loadStackPlan("shared-services").outputs),
    });
    const failureOf = async (stackReferences: Record<string, Record<string, unknown>>): Promise<string> => {
        try {
            await buildPlan({ stack: "prod", config: prodConfig(), stackReferences, env: { PULUMI_NODEJS_TRANSPILE_ONLY: "true" } });
        } catch (err) {
            if (err instanceof ProgramFailedError) return err.message;
            throw err;
        }
        return "(the plan succeeded)";
    };

    it("an upstream output removed is an error naming the stack and the output", async () => {
        const outputs = upstreamOutputs();
        delete outputs["shared-services"].packageIndex;
        expect(await failureOf(outputs)).toContain('stack reference shared-services: output "packageIndex" is missing');
    }, 600_000);

    it("an ill-typed upstream output is an error naming the stack, the output and the field", async () => {
        const outputs = upstreamOutputs();
        (outputs["log-archive"].auditArchive as Record<string, unknown>).keyArn = "not-an-arn";
        expect(await failureOf(outputs)).toContain(
            'stack reference log-archive: output "auditArchive" does not match its contract (keyArn: is not a KMS key ARN)',
        );
    }, 600_000);

    it("prod without --with-upstream is refused with the command that plans it", () => {
        const r = spawnSync(process.execPath, [path.join(REPO_ROOT, "node_modules", "tsx", "dist", "cli.mjs"), "tools/plan.ts", "--stack", "prod"], {
            cwd: REPO_ROOT,
            encoding: "utf8",
        });
        expect(r.status).toBe(2);
        expect(r.stderr.trim()).toBe(
            "stack prod reads log-archive, shared-services through stack references (secure-ds:platform.stack.upstream); plan them together: npm run plan -- --stack prod --with-upstream",
        );
    });
});

describe("stack policies over the environment", () => {
    const union = (): PlanResource[] => [...ORGANIZATION_STACKS, "prod" as const].flatMap((s) => structuredClone(loadStackPlan(s).resources));

    it("every resource policy of the four stacks grants only accounts the environment deploys into", async () => {
        const findings = await judgeEnvironment(union());
        expect(findings).toEqual([]);
    }, 600_000);

    it("a grant to an account outside the environment is found, though each stack alone trusts the configured accounts", async () => {
        const resources = union();
        const archivePolicy = resources.find((r) => r.type === "aws:s3/bucketPolicy:BucketPolicy" && r.name === "audit-archive-policy");
        if (!archivePolicy) throw new Error("no audit-archive-policy in the log-archive plan");
        const doc = JSON.parse(String(archivePolicy.inputs.policy)) as { Statement: Record<string, unknown>[] };
        doc.Statement.push({ Sid: "Planted", Effect: "Allow", Principal: { AWS: "arn:aws:iam::999999999999:root" }, Action: "s3:GetObject", Resource: "*" });
        // AnalyzeStack judges the deployed state (outputs), Analyze the inputs: plant in both.
        archivePolicy.inputs.policy = JSON.stringify(doc);
        archivePolicy.outputs.policy = JSON.stringify(doc);
        const findings = await judgeEnvironment(resources);
        expect(findings.map((f) => [f.policy, f.level])).toEqual([["resource-policy-platform-accounts-only", "mandatory"]]);
        expect(findings[0]?.message).toContain("principal arn:aws:iam::999999999999:root is in account 999999999999");
    }, 600_000);
});
