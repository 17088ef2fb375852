import { expect, it } from "vitest";
import { studioSharingEncrypted } from "../../../policy-pack/policies/sagemaker/studio-sharing-encrypted";
import { UNKNOWN, runResourcePolicy } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { KEY } from "../fixtures";
import { USER_PROFILE, domain, domainCase, mutate } from "./fixtures";

describeRule(studioSharingEncrypted, () => {
    it("passes sharing disabled with a key, and sharing into a bucket with a customer key", async () => {
        await expectCompliant(studioSharingEncrypted, domainCase(domain()));
        await expectCompliant(
            studioSharingEncrypted,
            domainCase(
                mutate((d) => (d.defaultUserSettings.sharingSettings = { notebookOutputOption: "Allowed", s3OutputPath: "s3://b/sharing/", s3KmsKeyId: KEY })),
            ),
        );
    });
    it("reports a missing key, an AWS-managed key, a missing path and missing settings", async () => {
        expect(await expectViolations(studioSharingEncrypted, domainCase(mutate((d) => delete d.defaultUserSettings.sharingSettings.s3KmsKeyId)))).toHaveLength(
            1,
        );
        expect(
            await expectViolations(studioSharingEncrypted, domainCase(mutate((d) => (d.defaultUserSettings.sharingSettings.s3KmsKeyId = "alias/aws/s3")))),
        ).toHaveLength(1);
        expect(
            await expectViolations(
                studioSharingEncrypted,
                domainCase(mutate((d) => (d.defaultUserSettings.sharingSettings = { notebookOutputOption: "Allowed", s3KmsKeyId: KEY }))),
            ),
        ).toHaveLength(1);
        expect(await expectViolations(studioSharingEncrypted, domainCase(mutate((d) => delete d.defaultUserSettings.sharingSettings)))).toHaveLength(1);
    });
    it("checks user profiles that override sharing, and ignores those that inherit it", async () => {
        expect(await runResourcePolicy(studioSharingEncrypted, { type: USER_PROFILE, props: { userSettings: { securityGroups: ["sg-1"] } } })).toEqual([]);
        expect(
            await expectViolations(studioSharingEncrypted, {
                type: USER_PROFILE,
                props: { userSettings: { sharingSettings: { notebookOutputOption: "Allowed", s3OutputPath: "s3://b/" } } },
            }),
        ).toHaveLength(1);
    });
    it("judges a value unknown in a preview by its presence, not its value", async () => {
        await expectCompliant(studioSharingEncrypted, {
            type: "aws:sagemaker/domain:Domain",
            props: { defaultUserSettings: { sharingSettings: { s3KmsKeyId: UNKNOWN, notebookOutputOption: "Allowed", s3OutputPath: UNKNOWN } } },
        });
        await expectViolations(studioSharingEncrypted, {
            type: "aws:sagemaker/domain:Domain",
            props: { defaultUserSettings: { sharingSettings: { notebookOutputOption: "Allowed", s3OutputPath: UNKNOWN } } },
        });
    });
});
