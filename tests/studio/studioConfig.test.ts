import { describe, expect, it } from "vitest";
import { AppInstanceType, ProcessingInstanceType, ProductionVariantInstanceType, TrainingInstanceType, TransformInstanceType } from "@aws-sdk/client-sagemaker";
import { JOB_ONLY_FAMILIES, STUDIO_APP_INSTANCE_TYPES, hiddenInstanceTypes, isKnownInstanceType } from "../../components/studio/instanceTypes";
import { parsePlatformConfig } from "../../stacks/config";
import { RawConfig, configProblems, rawStackConfig } from "../harness/configCases";

/** The dev stack's platform section, whose studio section these tests edit. */
type Raw = RawConfig & { studio: NonNullable<RawConfig["studio"]> };
const dev = (): Raw => {
    const raw = rawStackConfig("dev");
    if (!raw.studio) throw new Error("Pulumi.dev.yaml has no studio section to edit");
    return { ...raw, studio: raw.studio };
};

const problems = configProblems;

describe("studio config section", () => {
    it("applies the documented defaults", () => {
        const raw = dev();
        raw.studio = {};
        const s = parsePlatformConfig(raw).studio;
        expect(s).toMatchObject({
            authMode: "IAM",
            idleMinutes: 120,
            presignedUrlSourceIps: [],
            codeEditor: false,
            sharedSpaces: false,
            notebookSharing: "disabled",
            images: [],
            backup: { schedule: "cron(0 2 * * ? *)", retentionDays: 35 },
        });
        expect(s.identityCenter).toBeUndefined();
        expect(s.condaChannelUrl).toBeUndefined();
    });

    it("rejects idle minutes out of range", () => {
        const raw = dev();
        raw.studio.idleMinutes = 600000;
        expect(problems(raw)).toEqual(["secure-ds:platform.studio.idleMinutes: 600000 is above 525600 (one year), the longest idle timeout SageMaker accepts"]);
    });

    it("rejects unknown and duplicate instance types", () => {
        const raw = dev();
        raw.studio.instanceTypes = ["ml.t3.medium", "ml.m5.huge", "ml.t3.medium"];
        expect(problems(raw)).toEqual([
            'secure-ds:platform.studio.instanceTypes[1]: "ml.m5.huge" is not an instance type SageMaker offers (see components/studio/instanceTypes.ts); check the spelling',
            'secure-ds:platform.studio.instanceTypes[2]: "ml.t3.medium" is listed twice',
        ]);
    });

    it("accepts job-only families in the allow-list", () => {
        const raw = dev();
        raw.studio.instanceTypes = ["ml.t3.medium", "ml.c5n.2xlarge"];
        expect(problems(raw)).toEqual([]);
    });

    it("rejects SSO without Identity Center, and Identity Center with IAM", () => {
        const raw = dev();
        raw.studio.authMode = "SSO";
        expect(problems(raw)).toEqual([
            "secure-ds:platform.studio.identityCenter: missing; authMode SSO needs identityCenter.instanceArn and identityCenter.region (see docs/configuration.md#studio)",
        ]);
        raw.studio.authMode = "IAM";
        raw.studio.identityCenter = { instanceArn: "arn:aws:sso:::instance/ssoins-1234567890abcdef", region: "eu-west-1" };
        expect(problems(raw)).toEqual(["secure-ds:platform.studio.identityCenter: is set but authMode is IAM; set authMode: SSO or remove identityCenter"]);
    });

    it("checks Identity Center's region and that e-mail user names have e-mails", () => {
        const raw = dev();
        raw.studio.authMode = "SSO";
        raw.studio.identityCenter = { instanceArn: "arn:aws:sso:::instance/ssoins-1234567890abcdef", region: "us-east-1", userName: "email" };
        const p = problems(raw);
        expect(p).toContain(
            'secure-ds:platform.studio.identityCenter.region: "us-east-1" is not the platform region eu-west-1; SageMaker domains with SSO need Identity Center in the domain\'s region',
        );
        expect(
            p.some((line) =>
                /^secure-ds:platform\.teams\[0\]\.users\[1\]\.email: missing; studio\.identityCenter\.userName is email, so user "bob"/.test(line),
            ),
        ).toBe(true);
        raw.studio.identityCenter.region = "eu-west-1";
        raw.studio.identityCenter.userName = "name";
        expect(problems(raw)).toEqual([]);
    });

    it("validates images: ECR URI, UID/GID pair, unique names", () => {
        const raw = dev();
        const images: NonNullable<Raw["studio"]["images"]> = [
            { name: "geo", uri: "222222222222.dkr.ecr.eu-west-1.amazonaws.com/approved/geo:1.2.0" },
            { name: "geo", uri: "docker.io/library/python:3.12" },
            // @ts-expect-error a UID/GID pair that is not one of the schema's values
            { name: "rooty", uri: "222222222222.dkr.ecr.eu-west-1.amazonaws.com/approved/rooty:2", user: "0/100" },
        ];
        raw.studio.images = images;
        expect(problems(raw)).toEqual([
            'secure-ds:platform.studio.images[1].uri: "docker.io/library/python:3.12" is not an ECR image URI with a tag or digest (<account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag>)',
            'secure-ds:platform.studio.images[2].user: "0/100" is not one of 1000/100, 0/0',
        ]);
        images.splice(1, 2);
        images.push({ name: "geo", uri: "222222222222.dkr.ecr.eu-west-1.amazonaws.com/approved/geo2:1" });
        expect(problems(raw)).toEqual(['secure-ds:platform.studio.images[1].name: "geo" is already the name of images[0]; image names must be unique']);
    });

    it("validates the backup schedule and retention", () => {
        const raw = dev();
        raw.studio.backup = { schedule: "daily", retentionDays: 100, coldStorageAfterDays: 30 };
        expect(problems(raw)).toEqual([
            "secure-ds:platform.studio.backup.retentionDays: 100 is less than coldStorageAfterDays + 90 (120); AWS Backup keeps cold recovery points at least 90 days",
            'secure-ds:platform.studio.backup.schedule: "daily" is not an AWS Backup cron expression such as cron(0 2 * * ? *)',
        ]);
    });

    it("rejects a conda channel that is not https", () => {
        const raw = dev();
        raw.studio.condaChannelUrl = "http://conda.internal/main";
        expect(problems(raw)).toHaveLength(1);
        expect(problems(raw)[0]).toMatch(/^secure-ds:platform\.studio\.condaChannelUrl: .*is not an https URL$/);
    });
});

describe("instance type catalogue", () => {
    it("is exactly the SDK's Studio app instance types (without system)", () => {
        const sdk = Object.values(AppInstanceType)
            .filter((t) => t !== "system")
            .sort();
        expect([...STUDIO_APP_INSTANCE_TYPES].sort()).toEqual(sdk);
    });
    it("names only job families the API names (training, processing, transform or endpoint instance types)", () => {
        const apiFamilies = new Set(
            [TrainingInstanceType, ProcessingInstanceType, TransformInstanceType, ProductionVariantInstanceType].flatMap((e) =>
                Object.values(e).map((t) => t.split(".")[1]),
            ),
        );
        expect(JOB_ONLY_FAMILIES.filter((family) => !apiFamilies.has(family))).toEqual([]);
    });
    it("knows job-only families without confusing them with Studio types", () => {
        for (const family of JOB_ONLY_FAMILIES) expect(STUDIO_APP_INSTANCE_TYPES.some((t) => t.startsWith(`ml.${family}.`))).toBe(false);
        expect(isKnownInstanceType("ml.c5n.xlarge")).toBe(true);
        expect(isKnownInstanceType("system")).toBe(true);
        expect(isKnownInstanceType("ml.zz9.large")).toBe(false);
        expect(isKnownInstanceType("m5.large")).toBe(false);
    });
    it("hides every Studio type off the allow-list and nothing on it", () => {
        const hidden = hiddenInstanceTypes(["ml.t3.medium", "ml.c5n.xlarge"]);
        expect(hidden).not.toContain("ml.t3.medium");
        expect(hidden).toHaveLength(STUDIO_APP_INSTANCE_TYPES.length - 1);
    });
});

describe("studio access path (N8)", () => {
    it("refuses a config with the studio endpoint disabled and no presigned-URL source ranges", () => {
        const raw = dev();
        raw.network.endpoints = { disabled: ["studio"] };
        raw.studio.presignedUrlSourceIps = [];
        expect(problems(raw)).toContain(
            'secure-ds:platform.network.endpoints.disabled[0]: "studio" is disabled and studio.presignedUrlSourceIps is empty, so nobody could open Studio (N8); keep the endpoint or list the corporate ranges',
        );
    });
    it("accepts the studio endpoint disabled when corporate ranges are listed", () => {
        const raw = dev();
        raw.network.endpoints = { disabled: ["studio"] };
        raw.studio.presignedUrlSourceIps = ["203.0.113.0/24"];
        expect(problems(raw)).toEqual([]);
    });
});
