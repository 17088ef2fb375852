/**
 * The Studio side of the real dev and prod plans: one domain per team wired to that team's roles,
 * key, buckets and parameters; trusts that admit sts:SetSourceIdentity (I5); no Studio finding;
 * and the pack catches a Studio property changed one at a time.
 */
import { describe, expect, it } from "vitest";
import { PolicyDocument } from "../../components/guardrails/document";
import { trustAllowsSourceIdentity } from "../../components/guardrails/studioRoles";
import { STUDIO_TEAM_PARAMETERS } from "../../components/studio/lifecycleScript";
import { policiesByService } from "../../policy-pack/policies";
import { reevaluatePlan } from "../../plan/buildPlan";
import { PlanResource } from "../../plan/types";
import { readStackConfigFile, stackConfigPath } from "../../plan/stackConfig";
import { STACKS, loadStackPlan } from "../harness/stackPlans";
import { at } from "./fixtures";

const STUDIO_RULES = new Set(policiesByService.sagemaker.map((p) => p.name));

describe.each(STACKS)("Studio in the %s plan", (stack) => {
    const plan = loadStackPlan(stack);
    const of = (type: string) => plan.resources.filter((r) => r.type === type);
    const domains = of("aws:sagemaker/domain:Domain");
    const roleByArn = new Map(of("aws:iam/role:Role").map((r) => [String(r.outputs.arn), r]));
    const trustOf = (arn: unknown): PolicyDocument => JSON.parse(String(roleByArn.get(String(arn))?.inputs.assumeRolePolicy ?? '{"Statement":[]}'));

    it("has one domain per team, with a profile per user", () => {
        const teams = (readStackConfigFile(stackConfigPath(stack))["secure-ds:platform"] as { teams: { name: string; users: { name: string }[] }[] }).teams;
        expect(domains.map((d) => d.inputs.domainName).sort()).toEqual(teams.map((t) => `acme-${stack}-${t.name}`).sort());
        const profiles = of("aws:sagemaker/userProfile:UserProfile")
            .map((p) => p.inputs.userProfileName)
            .sort();
        expect(profiles).toEqual(teams.flatMap((t) => t.users.map((u) => u.name)).sort());
    });

    it("runs every Studio role with a trust that allows sts:SetSourceIdentity (I5)", () => {
        const roles = [
            ...domains.flatMap((d) => [at(d.inputs, "defaultUserSettings.executionRole"), at(d.inputs, "defaultSpaceSettings.executionRole")]),
            ...of("aws:sagemaker/userProfile:UserProfile").map((p) => at(p.inputs, "userSettings.executionRole")),
        ];
        expect(roles.length).toBeGreaterThan(domains.length);
        for (const arn of roles) {
            expect(roleByArn.has(String(arn)), `role ${String(arn)} is in the plan`).toBe(true);
            expect(trustAllowsSourceIdentity(trustOf(arn)), `trust of ${String(arn)}`).toBe(true);
        }
    });

    it("uses each team's own space role, key and parameter path", () => {
        for (const d of domains) {
            const team = String(d.inputs.domainName).split("-").pop()!;
            expect(String(at(d.inputs, "defaultSpaceSettings.executionRole"))).toMatch(new RegExp(`-${team}-space$`));
            expect(String(at(d.inputs, "defaultUserSettings.executionRole"))).toMatch(new RegExp(`-${team}-studio$`));
            const lcc = of("aws:sagemaker/studioLifecycleConfig:StudioLifecycleConfig").find(
                (l) => l.inputs.studioLifecycleConfigName === `${d.inputs.domainName}-jupyterlab`,
            )!;
            const script = Buffer.from(String(lcc.inputs.studioLifecycleConfigContent), "base64").toString();
            const path = /readonly PARAMETER_PATH="([^"]+)"/.exec(script)![1];
            expect(path).toMatch(new RegExp(`/${team}/?$`));
            // The contract with the team environment: every parameter the script reads exists.
            const parameters = new Set(of("aws:ssm/parameter:Parameter").map((r) => String(r.inputs.name)));
            for (const name of Object.values(STUDIO_TEAM_PARAMETERS)) expect(parameters, `${path} ${name}`).toContain(`${path.replace(/\/$/, "")}/${name}`);
        }
    });

    it("backs up every domain's home EFS", () => {
        const selected = of("aws:backup/selection:Selection").flatMap((s) => s.inputs.resources as string[]);
        for (const d of domains) expect(selected.some((arn) => arn.endsWith(`/${String(d.outputs.homeEfsFileSystemId)}`))).toBe(true);
    });

    it("has no Studio finding", () => {
        expect(plan.findings.filter((f) => STUDIO_RULES.has(f.policy))).toEqual([]);
    });

    it("catches one Studio property changed at a time", async () => {
        const mutations: [string, (d: PlanResource) => void][] = [
            ["studio-domain-home-retention", (d) => ((d.inputs.retentionPolicy as Record<string, unknown>).homeEfsFileSystem = "Delete")],
            ["studio-domain-user-identity", (d) => ((d.inputs.domainSettings as Record<string, unknown>).executionRoleIdentityConfig = "DISABLED")],
            ["studio-domain-security-groups", (d) => ((d.inputs.defaultUserSettings as Record<string, unknown>).securityGroups = [])],
            ["studio-domain-docker-disabled", (d) => ((d.inputs.domainSettings as Record<string, unknown>).dockerSettings = { enableDockerAccess: "ENABLED" })],
            ["sagemaker-domain-vpc-only", (d) => (d.inputs.appNetworkAccessType = "PublicInternetOnly")],
        ];
        for (const [policy, mutate] of mutations) {
            const copy = structuredClone(plan);
            mutate(copy.resources.find((r) => r.type === "aws:sagemaker/domain:Domain")!);
            const again = await reevaluatePlan(copy);
            expect(again.findings.filter((f) => f.policy === policy).length, policy).toBe(1);
        }
    });
});
