import { it } from "vitest";
import { codebuildImageDigestPinned } from "../../../policy-pack/policies/codebuild/codebuild-image-digest-pinned";
import { UNKNOWN } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { project } from "./fixtures";

const DIGEST = "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const OWN = `333333333333.dkr.ecr.eu-central-1.amazonaws.com/acme-prod/package-gate-toolchain@${DIGEST}`;
const withImage = (image: unknown, credentials: Record<string, unknown> = { imagePullCredentialsType: "SERVICE_ROLE" }) => ({
    ...project({ environment: { type: "LINUX_CONTAINER", privilegedMode: false, image, ...credentials } }),
    providerProps: { allowedAccountIds: ["333333333333"] },
});

describeRule(codebuildImageDigestPinned, () => {
    it("passes the toolchain image of the project's own account pinned by digest, pulled with the service role", async () => {
        await expectCompliant(codebuildImageDigestPinned, withImage(OWN));
    });
    it.each([
        ["a tag", withImage("333333333333.dkr.ecr.eu-central-1.amazonaws.com/acme-prod/package-gate-toolchain:1.0")],
        ["a tag and a digest-like suffix", withImage(`333333333333.dkr.ecr.eu-central-1.amazonaws.com/acme-prod/package-gate-toolchain:latest@${DIGEST}x`)],
        ["CodeBuild's curated image", withImage("aws/codebuild/standard:7.0")],
        ["a public image pinned by digest", withImage(`public.ecr.aws/docker/library/python@${DIGEST}`)],
        ["another account's registry", withImage(OWN.replace("333333333333", "999999999999"))],
        ["CODEBUILD pull credentials", withImage(OWN, { imagePullCredentialsType: "CODEBUILD" })],
        ["no pull credentials type (CODEBUILD by default)", withImage(OWN, {})],
        ["an image unknown in the preview", withImage(UNKNOWN)],
    ])("reports %s", async (_label, c) => {
        await expectViolations(codebuildImageDigestPinned, c);
    });
});
