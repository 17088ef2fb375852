import { describe, expect, it } from "vitest";
import { parsePlatformConfig } from "../../stacks/config";
import { RawConfig, configProblems, rawStackConfig } from "../harness/configCases";

type Raw = RawConfig;
const dev = (): Raw => rawStackConfig("dev");

const problems = configProblems;

/** The gate's toolchain image lives in the repository named after the organisation and environment (packages.toolchainImage). */
function renameToolchainRepository(raw: Raw): void {
    const image = raw.packages?.toolchainImage;
    if (raw.packages && image)
        raw.packages.toolchainImage = image.replace(/\/[a-z0-9-]+\/package-gate-toolchain@/, `/${raw.organization}-${raw.environment}/package-gate-toolchain@`);
}

describe("teams config", () => {
    it("applies the documented defaults", () => {
        const cfg = parsePlatformConfig(dev());
        const churn = cfg.teams[1];
        expect(churn).toMatchObject({
            perUserExecutionRoles: false,
            networkIsolation: false,
            maxJobRuntimeHours: 24,
            dataLake: false,
            budgetAlerts: [
                { percent: 80, type: "ACTUAL" },
                { percent: 100, type: "FORECASTED" },
            ],
        });
        expect(churn.federation.requireMfaForAdmin).toBe(true);
        expect(churn.jobInstanceTypes).toBeUndefined();
    });

    it("requires exactly one federation principal", () => {
        const raw = dev();
        // @ts-expect-error the schema must name a missing required section
        delete raw.teams[0].federation;
        expect(problems(raw)).toEqual(["secure-ds:platform.teams[0].federation: missing; expected a section (see docs/configuration.md)"]);
        raw.teams[0].federation = {};
        expect(problems(raw)).toEqual(["secure-ds:platform.teams[0].federation: names no principals; set exactly one of samlProviderArn and principalArns"]);
        raw.teams[0].federation = { samlProviderArn: "arn:aws:iam::111111111111:saml-provider/x", principalArns: ["arn:aws:iam::111111111111:role/x"] };
        expect(problems(raw)).toEqual([
            "secure-ds:platform.teams[0].federation: names both a SAML provider and principals; set exactly one of samlProviderArn and principalArns",
        ]);
        raw.teams[0].federation = { samlProviderArn: "arn:aws:iam::111111111111:role/not-a-provider" };
        expect(problems(raw)[0]).toMatch(/teams\[0\]\.federation\.samlProviderArn: ".*" is not an IAM SAML provider ARN/);
    });

    it("requires the SAML provider in the workload account", () => {
        const raw = dev();
        raw.teams[0].federation = { samlProviderArn: "arn:aws:iam::999999999999:saml-provider/corp-idp" };
        expect(problems(raw)).toEqual([
            'secure-ds:platform.teams[0].federation.samlProviderArn: "arn:aws:iam::999999999999:saml-provider/corp-idp" is in account 999999999999, not the workload account 111111111111; AssumeRoleWithSAML needs the SAML provider in the role\'s account',
        ]);
    });

    it("requires a team admin", () => {
        const raw = dev();
        raw.teams[1].users = [{ name: "erin", role: "scientist" }];
        expect(problems(raw)).toEqual([
            "secure-ds:platform.teams[1].users: has no user with role admin; the team admin role is assumable only by the team's admins, so name at least one",
        ]);
    });

    it("rejects the reserved team name platform", () => {
        const raw = dev();
        raw.teams[1].name = "platform";
        expect(problems(raw)[0]).toMatch(/^secure-ds:platform\.teams\[1\]\.name: "platform" is reserved/);
    });

    it("names the AWS limit and the numbers when a prefixed name would not fit", () => {
        const raw = dev();
        raw.organization = "acmecorpglob"; // 12, the longest organization
        renameToolchainRepository(raw);
        raw.teams[1].name = "a".repeat(32);
        // acmecorpglob-dev-<32>-outputs-111111111111 = 12+1+3+1+32+1+7+1+12 = 70
        expect(problems(raw)).toEqual([
            `secure-ds:platform.teams[1].name: "${"a".repeat(32)}" (32 characters) makes the S3 bucket name "acmecorpglob-dev-${"a".repeat(32)}-outputs-111111111111" 70 characters; AWS allows 63. With organization "acmecorpglob" and environment "dev" a team name may have at most 25 characters`,
        ]);
        raw.teams[1].name = "a".repeat(25);
        expect(problems(raw)).toEqual([]);
    });

    it("checks the access point limit only for data-lake teams, per-user role names only with per-user roles", () => {
        const raw = dev();
        raw.organization = "acmecorpglob";
        raw.environment = "prod";
        renameToolchainRepository(raw);
        raw.policyEnforcement = "advisory";
        raw.teams[1].name = "b".repeat(24); // bucket 12+1+4+1+24+9+12 = 63 fits
        expect(problems(raw)).toEqual([]);
        raw.teams[1].dataLake = true; // acmecorpglob-prod-<24>-lake = 12+1+4+1+24+5 = 47 fits
        expect(problems(raw)).toEqual([]);
        raw.teams[1].users = [{ name: "u".repeat(32), role: "admin" }];
        raw.teams[1].perUserExecutionRoles = true; // acmecorpglob-prod-<24>-u-<32> = 12+1+4+1+24+3+32 = 77
        expect(problems(raw)).toEqual([
            `secure-ds:platform.teams[1].users[0].name: "${"u".repeat(32)}" makes the per-user IAM role name "acmecorpglob-prod-${"b".repeat(24)}-u-${"u".repeat(32)}" 77 characters; AWS allows 64. Shorten the user name to at most 19 characters, or turn off perUserExecutionRoles`,
        ]);
    });

    it("validates budget alerts and job limits", () => {
        const raw = dev();
        raw.teams[0].budgetAlerts = [{ percent: 0, type: "ACTUAL" }];
        raw.teams[0].maxJobRuntimeHours = 1000;
        // @ts-expect-error an alert type that is not one of the schema's values
        raw.teams[1].budgetAlerts = [{ percent: 50, type: "SOMETIMES" }];
        expect(problems(raw)).toEqual([
            "secure-ds:platform.teams[0].budgetAlerts[0].percent: 0 must be a positive percentage",
            "secure-ds:platform.teams[0].maxJobRuntimeHours: 1000 is above 672 hours (28 days), the longest job SageMaker runs",
            'secure-ds:platform.teams[1].budgetAlerts[0].type: "SOMETIMES" is not one of ACTUAL, FORECASTED',
        ]);
    });

    it("refuses team names whose physical names collide with another team's or a platform key's", () => {
        const raw = dev();
        raw.teams[1].name = "datalake";
        expect(problems(raw)).toEqual([
            'secure-ds:platform.teams[1].name: "datalake" makes the alias acme-dev-datalake, which a platform key already uses; choose another team name',
        ]);
        const raw2 = dev();
        raw2.teams[0].perUserExecutionRoles = true;
        raw2.teams[0].users[0].name = "admin";
        raw2.teams[1].name = "fraud-u";
        expect(problems(raw2)).toEqual([
            'secure-ds:platform.teams[1].name: "fraud-u" makes the role acme-dev-fraud-u-admin, which team fraud already uses; choose another team name',
        ]);
        const raw3 = dev();
        raw3.teams[1].name = "fraud-studio-home";
        expect(problems(raw3)[0]).toContain("makes the alias acme-dev-fraud-studio-home, which team fraud already uses");
    });
});
