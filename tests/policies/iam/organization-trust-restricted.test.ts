import { it } from "vitest";
import { organizationTrustRestricted } from "../../../policy-pack/policies/iam/organization-trust-restricted";
import { organizationTrustRcpStatements } from "../../../components/guardrails/organization";
import { policyDocument, toPolicyJson } from "../../../components/guardrails/document";
import { StackCaseResource } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { r } from "../fixtures";

const SCP = r("aws:organizations/policy:Policy", "org-scp-baseline-1", {
    type: "SERVICE_CONTROL_POLICY",
    content: toPolicyJson(policyDocument([{ Sid: "DenyLeaveOrganization", Effect: "Deny", Action: "organizations:LeaveOrganization", Resource: "*" }])),
});
const rcp = (content: string): StackCaseResource => r("aws:organizations/policy:Policy", "org-rcp-trust", { type: "RESOURCE_CONTROL_POLICY", content });
const BUILT = toPolicyJson(policyDocument(organizationTrustRcpStatements("o-a1b2c3d4e5")));

describeRule(organizationTrustRestricted, () => {
    it("passes the RCP the builder makes, and a stack that manages no Organizations policy", async () => {
        await expectCompliant(organizationTrustRestricted, [SCP, rcp(BUILT)]);
        await expectCompliant(organizationTrustRestricted, [r("aws:iam/role:Role", "x", {})]);
    });
    it.each<[string, StackCaseResource[]]>([
        ["no RCP at all", [SCP]],
        [
            "an RCP that denies sts:AssumeRole without the organisation test",
            [
                SCP,
                rcp(
                    toPolicyJson(
                        policyDocument([
                            {
                                Effect: "Deny",
                                Principal: "*",
                                Action: "sts:AssumeRole",
                                Resource: "*",
                                Condition: { Bool: { "aws:SecureTransport": "false" } },
                            },
                        ]),
                    ),
                ),
            ],
        ],
        [
            "the organisation test on another action",
            [
                SCP,
                rcp(
                    toPolicyJson(
                        policyDocument([
                            {
                                Effect: "Deny",
                                Principal: "*",
                                Action: "s3:GetObject",
                                Resource: "*",
                                Condition: { StringNotEqualsIfExists: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } },
                            },
                        ]),
                    ),
                ),
            ],
        ],
        [
            "the trust statement in an SCP instead of an RCP",
            [r("aws:organizations/policy:Policy", "org-scp", { type: "SERVICE_CONTROL_POLICY", content: BUILT })],
        ],
    ])("reports %s", async (_label, resources) => {
        await expectViolations(organizationTrustRestricted, resources);
    });
});
