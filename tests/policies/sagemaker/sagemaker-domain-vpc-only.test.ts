import { expect, it } from "vitest";
import { sagemakerDomainVpcOnly } from "../../../policy-pack/policies/sagemaker/sagemaker-domain-vpc-only";
import { UNKNOWN, runResourcePolicy } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { DOMAIN } from "./fixtures";

describeRule(sagemakerDomainVpcOnly, () => {
    it("passes a VpcOnly domain", async () => {
        await expectCompliant(sagemakerDomainVpcOnly, { type: DOMAIN, props: { appNetworkAccessType: "VpcOnly" } });
    });
    it("reports PublicInternetOnly", async () => {
        const v = await expectViolations(sagemakerDomainVpcOnly, { type: DOMAIN, props: { appNetworkAccessType: "PublicInternetOnly" } });
        expect(v).toHaveLength(1);
        expect(v[0]).toContain("PublicInternetOnly");
    });
    it("reports an absent mode (the API default is public)", async () => {
        expect(await expectViolations(sagemakerDomainVpcOnly, { type: DOMAIN, props: {} })).toHaveLength(1);
    });
    it("ignores other types and skips unknown values", async () => {
        expect(await runResourcePolicy(sagemakerDomainVpcOnly, { type: "aws:kms/key:Key", props: {} })).toEqual([]);
        expect(await runResourcePolicy(sagemakerDomainVpcOnly, { type: DOMAIN, props: { appNetworkAccessType: UNKNOWN } })).toEqual([]);
    });
});
