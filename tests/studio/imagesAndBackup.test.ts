import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { SecureStudioDomain } from "../../components/studio/SecureStudioDomain";
import { StudioHomeBackup } from "../../components/studio/StudioHomeBackup";
import { StudioImages } from "../../components/studio/StudioImages";
import { PolicyDocument } from "../../components/guardrails/document";
import { ACCOUNT, KEY_ADMINS, NAMING, at, domainArgs, ofType, one, runStudio } from "./fixtures";

const GEO = "222222222222.dkr.ecr.eu-west-1.amazonaws.com/approved/geo:1.2.0";
const ROOTY = "222222222222.dkr.ecr.eu-west-1.amazonaws.com/approved/rooty@sha256:" + "b".repeat(64);

describe("StudioImages and their wiring into the domain (I7)", async () => {
    const { resources } = await runStudio(() => {
        const images = new StudioImages("images", {
            naming: NAMING,
            account: ACCOUNT,
            images: [
                { name: "geo", uri: GEO, uid: 1000, gid: 100 },
                { name: "rooty", uri: ROOTY, uid: 0, gid: 0 },
            ],
        });
        new SecureStudioDomain("fraud", domainArgs({ customImages: images.images }));
    });

    it("creates an image, a version of the configured URI and an app image config per image", () => {
        const imgs = ofType(resources, "aws:sagemaker/image:Image");
        expect(imgs.map((i) => i.inputs.imageName).sort()).toEqual(["acme-dev-geo", "acme-dev-rooty"]);
        const versions = ofType(resources, "aws:sagemaker/imageVersion:ImageVersion");
        expect(versions.map((v) => [v.inputs.imageName, v.inputs.baseImage]).sort()).toEqual([
            ["acme-dev-geo", GEO],
            ["acme-dev-rooty", ROOTY],
        ]);
    });

    it("runs the images as 1000/100 or 0/0, as the whitepaper requires", () => {
        const configs = ofType(resources, "aws:sagemaker/appImageConfig:AppImageConfig");
        const fs = (name: string) => at(configs.find((c) => c.inputs.appImageConfigName === name)!.inputs, "jupyterLabImageConfig.fileSystemConfig");
        expect(fs("acme-dev-geo")).toEqual({ defaultUid: 1000, defaultGid: 100, mountPath: "/home/sagemaker-user" });
        expect(fs("acme-dev-rooty")).toEqual({ defaultUid: 0, defaultGid: 0, mountPath: "/home/sagemaker-user" });
    });

    it("gives SageMaker one role that can only pull the approved repositories", () => {
        const role = one(resources, "aws:iam/role:Role");
        expect(JSON.parse(String(role.inputs.assumeRolePolicy)).Statement).toEqual([
            { Sid: "ServiceAssumes", Effect: "Allow", Principal: { Service: "sagemaker.amazonaws.com" }, Action: "sts:AssumeRole" },
        ]);
        const pull = ofType(resources, "aws:iam/rolePolicy:RolePolicy").find((p) => p.name === "images-pull")!;
        const doc = JSON.parse(String(pull.inputs.policy)) as PolicyDocument;
        expect(doc.Statement[0].Resource).toEqual([
            "arn:aws:ecr:eu-west-1:222222222222:repository/approved/geo",
            "arn:aws:ecr:eu-west-1:222222222222:repository/approved/rooty",
        ]);
        for (const image of ofType(resources, "aws:sagemaker/image:Image")) expect(image.inputs.roleArn).toBe(role.outputs.arn);
    });

    it("offers the images in JupyterLab for users and shared spaces", () => {
        const domain = one(resources, "aws:sagemaker/domain:Domain");
        const expected = [
            { imageName: "acme-dev-geo", appImageConfigName: "acme-dev-geo", imageVersionNumber: 1 },
            { imageName: "acme-dev-rooty", appImageConfigName: "acme-dev-rooty", imageVersionNumber: 1 },
        ];
        expect(at(domain.inputs, "defaultUserSettings.jupyterLabAppSettings.customImages")).toEqual(expected);
        expect(at(domain.inputs, "defaultSpaceSettings.jupyterLabAppSettings.customImages")).toEqual(expected);
    });

    it("lists the approved image ARNs in the data scientists' perimeter", () => {
        const perimeter = ofType(resources, "aws:iam/rolePolicy:RolePolicy").find((p) => p.name === "fraud-presigned-url-perimeter")!;
        const doc = JSON.parse(String(perimeter.inputs.policy)) as PolicyDocument;
        const deny = doc.Statement.find((s) => s.Sid === "DenyUnapprovedImages")!;
        expect(deny.Condition).toEqual({
            "ForAnyValue:StringNotLike": {
                "sagemaker:ImageArns": [
                    "arn:aws:sagemaker:eu-west-1:*:image/sagemaker-distribution-*",
                    ...ofType(resources, "aws:sagemaker/image:Image").map((i) => i.outputs.arn),
                ],
            },
        });
    });

    it("rejects UID/GID pairs Studio does not accept, and duplicates", async () => {
        const attempt = (images: ConstructorParameters<typeof StudioImages>[1]["images"]) =>
            runStudio(() => {
                new StudioImages("images", { naming: NAMING, account: ACCOUNT, images });
            });
        await expect(attempt([{ name: "geo", uri: GEO, uid: 1000, gid: 0 as 100 }])).rejects.toThrow(/runs as 1000\/0; Studio accepts only 1000\/100 or 0\/0/);
        await expect(attempt([])).rejects.toThrow(/images is empty/);
        await expect(
            attempt([
                { name: "geo", uri: GEO, uid: 1000, gid: 100 },
                { name: "geo", uri: ROOTY, uid: 0, gid: 0 },
            ]),
        ).rejects.toThrow(/image name geo is used twice/);
    });
});

describe("StudioHomeBackup (G9)", async () => {
    const { resources } = await runStudio(() => {
        new StudioHomeBackup("backup", {
            naming: NAMING,
            account: ACCOUNT,
            keyAdministrators: KEY_ADMINS,
            fileSystems: { fraud: pulumi.output("fs-0fraud"), churn: pulumi.output("fs-0churn") },
            schedule: "cron(0 3 * * ? *)",
            retentionDays: 120,
            coldStorageAfterDays: 30,
        });
    });

    it("keeps recovery points in a vault encrypted with its own customer key, protected from deletion", () => {
        const vault = one(resources, "aws:backup/vault:Vault");
        const key = one(resources, "aws:kms/key:Key");
        expect(vault.inputs.kmsKeyArn).toBe(key.outputs.arn);
        expect(vault.inputs.forceDestroy).toBe(false);
        expect(vault.options).toMatchObject({ protect: true, retainOnDelete: true });
        expect(key.inputs.enableKeyRotation).toBe(true);
        const keyDoc = JSON.parse(String(key.inputs.policy)) as PolicyDocument;
        expect(keyDoc.Statement.find((s) => s.Sid === "KeyUse")!.Condition).toEqual({ StringEquals: { "kms:ViaService": ["backup.eu-west-1.amazonaws.com"] } });
        const access = JSON.parse(String(one(resources, "aws:backup/vaultPolicy:VaultPolicy").inputs.policy)) as PolicyDocument;
        expect(access.Statement[0].Effect).toBe("Deny");
    });

    it("runs the configured schedule and retention", () => {
        const plan = one(resources, "aws:backup/plan:Plan");
        expect(plan.inputs.rules).toEqual([
            {
                ruleName: "studio-home-daily",
                targetVaultName: "acme-dev-studio-home",
                schedule: "cron(0 3 * * ? *)",
                startWindow: 60,
                completionWindow: 1440,
                lifecycle: { deleteAfter: 120, coldStorageAfter: 30 },
                recoveryPointTags: { "secure-ds:backup": "studio-home" },
            },
        ]);
    });

    it("selects each domain's home EFS, with a role only AWS Backup can assume", () => {
        const selections = ofType(resources, "aws:backup/selection:Selection");
        const role = one(resources, "aws:iam/role:Role");
        expect(selections.map((s) => s.inputs.resources).sort()).toEqual([
            ["arn:aws:elasticfilesystem:eu-west-1:111111111111:file-system/fs-0churn"],
            ["arn:aws:elasticfilesystem:eu-west-1:111111111111:file-system/fs-0fraud"],
        ]);
        for (const s of selections) expect(s.inputs.iamRoleArn).toBe(role.outputs.arn);
        expect(JSON.parse(String(role.inputs.assumeRolePolicy)).Statement[0].Principal).toEqual({ Service: "backup.amazonaws.com" });
        expect(
            ofType(resources, "aws:iam/rolePolicyAttachment:RolePolicyAttachment")
                .map((a) => a.inputs.policyArn)
                .sort(),
        ).toEqual([
            "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup",
            "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores",
        ]);
    });

    it("rejects a bad schedule, a retention shorter than cold storage + 90 days, and no file systems", async () => {
        const attempt = (over: Partial<ConstructorParameters<typeof StudioHomeBackup>[1]>) =>
            runStudio(() => {
                new StudioHomeBackup("backup", {
                    naming: NAMING,
                    account: ACCOUNT,
                    keyAdministrators: KEY_ADMINS,
                    fileSystems: { fraud: "fs-1" },
                    ...over,
                });
            });
        await expect(attempt({ schedule: "daily" })).rejects.toThrow(/not an AWS Backup cron expression/);
        await expect(attempt({ retentionDays: 100, coldStorageAfterDays: 30 })).rejects.toThrow(/needs retentionDays of at least 120/);
        await expect(attempt({ fileSystems: {} })).rejects.toThrow(/fileSystems is empty/);
    });
});
