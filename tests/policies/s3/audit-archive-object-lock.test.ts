import { it } from "vitest";
import { auditArchiveObjectLock } from "../../../policy-pack/policies/s3/audit-archive-object-lock";
import { StackCaseResource } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { edit, previewed, r, without } from "../fixtures";
import { BUCKET } from "./fixtures";

const PROVIDER = "pulumi:providers:aws";

/** A prod trail delivering to an Object Lock archive (tags from the provider's defaultTags). */
const archiveStack = (): StackCaseResource[] => [
    r(PROVIDER, "shared", { defaultTags: JSON.stringify({ tags: { environment: "prod" } }) }),
    { ...r(BUCKET, "archive", { bucket: "acme-prod-audit", objectLockEnabled: true }), provider: "shared" },
    r(
        "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration",
        "archive-lock",
        { bucket: "acme-prod-audit", rule: { defaultRetention: { mode: "COMPLIANCE", days: 365 } } },
        { bucket: ["archive"] },
    ),
    { ...r(BUCKET, "data", { bucket: "acme-prod-fraud-data" }), provider: "shared" },
    r("aws:cloudtrail/trail:Trail", "trail", { s3BucketName: "acme-prod-audit" }, { s3BucketName: ["archive"] }),
];

describeRule(auditArchiveObjectLock, () => {
    it("passes a prod archive with Object Lock and a default retention (the data bucket is exempt)", async () => {
        await expectCompliant(auditArchiveObjectLock, archiveStack());
    });
    it("passes an unlocked archive outside the listed environments", async () => {
        await expectCompliant(auditArchiveObjectLock, without(archiveStack(), "archive-lock"), { environments: ["staging"] });
    });
    it.each<[string, StackCaseResource[], Record<string, unknown>?]>([
        ["archive without Object Lock", edit(without(archiveStack(), "archive-lock"), "archive", (x) => (x.props.objectLockEnabled = undefined))],
        ["Object Lock enabled without a default retention", without(archiveStack(), "archive-lock")],
        ["retention without a period", edit(archiveStack(), "archive-lock", (x) => (x.props.rule = { defaultRetention: { mode: "COMPLIANCE" } }))],
        ["trail moved to an unlocked bucket", edit(archiveStack(), "trail", (x) => (x.propertyDependencies = { s3BucketName: ["data"] }))],
        [
            "environment from the bucket's own tag, configured list",
            edit(
                edit(archiveStack(), "data", (x) => (x.props.tags = { environment: "staging" })),
                "trail",
                (x) => (x.propertyDependencies = { s3BucketName: ["data"] }),
            ),
            { environments: ["staging"] },
        ],
    ])("reports %s", async (_label, resources, config) => {
        await expectViolations(auditArchiveObjectLock, resources, config);
    });
    it("judges the same stacks in a preview: ids unknown, relations only through propertyDependencies", async () => {
        await expectCompliant(auditArchiveObjectLock, previewed(archiveStack()));
        await expectViolations(auditArchiveObjectLock, previewed(edit(archiveStack(), "trail", (x) => (x.propertyDependencies = { s3BucketName: ["data"] }))));
    });
});
