import { expect, it } from "vitest";
import { platformPrincipalsEndpointPolicy, platformResourcesEndpointPolicy, s3GatewayEndpointPolicy } from "../../../components/guardrails/endpoints";
import { toPolicyJson } from "../../../components/guardrails/document";
import { isolatedVpcEndpointResourceScope } from "../../../policy-pack/policies/ec2/isolated-vpc-endpoint-resource-scope";
import { StackCaseResource } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { doc, previewed } from "../fixtures";
import { EC2, egressVpc, isolatedVpc } from "./fixtures";

const SCOPE = { accountIds: ["111111111111"] };
const ORG = { accountIds: ["111111111111"], organizationId: "o-a1b2c3d4e5" };
const endpoint = (service: string, policy: unknown, vpc = "vpc"): StackCaseResource => ({
    type: EC2.vpcEndpoint,
    name: `vpce-${service}`,
    props: { serviceName: `com.amazonaws.eu-west-1.${service}`, policy },
    propertyDependencies: { vpcId: [vpc] },
});
const s3 = toPolicyJson(
    s3GatewayEndpointPolicy({
        ...SCOPE,
        partition: "aws",
        platformBucketPrefix: "acme-dev",
        codeArtifactAssetsBucket: "assets-438097961670-eu-west-1",
        ecrLayerBucket: "prod-eu-west-1-starport-layer-bucket",
    }),
);

describeRule(isolatedVpcEndpointResourceScope, () => {
    it("passes the builders' policies (account or organisation scope), also in a preview", async () => {
        const resources = isolatedVpc([
            endpoint("sts", toPolicyJson(platformResourcesEndpointPolicy(SCOPE))),
            endpoint("kms", toPolicyJson(platformResourcesEndpointPolicy(ORG))),
            endpoint("ecr.dkr", toPolicyJson(platformResourcesEndpointPolicy(ORG))),
            endpoint("s3", s3),
            // Not a resource-holding service: the principal scope is enough.
            endpoint("sagemaker.api", toPolicyJson(platformPrincipalsEndpointPolicy(SCOPE))),
        ]);
        await expectCompliant(isolatedVpcEndpointResourceScope, resources);
        await expectCompliant(isolatedVpcEndpointResourceScope, previewed(resources));
    });
    it("passes endpoints of a VPC that is not isolated", async () => {
        await expectCompliant(isolatedVpcEndpointResourceScope, [
            ...egressVpc,
            endpoint("sts", toPolicyJson(platformPrincipalsEndpointPolicy(SCOPE)), "scan-vpc"),
        ]);
    });
    it.each(["sts", "kms", "ssm", "secretsmanager", "logs", "ecr.api", "ecr.dkr"])("reports a principal-only policy on %s", async (service) => {
        const v = await expectViolations(
            isolatedVpcEndpointResourceScope,
            isolatedVpc([endpoint(service, toPolicyJson(platformPrincipalsEndpointPolicy(ORG)))]),
        );
        expect(v.join("\n")).toMatch(/PlatformPrincipalsOnly does not require aws:ResourceOrgID/);
    });
    it("reports a negated resource condition: StringNotEquals admits every other owner", async () => {
        const negated = doc({
            Sid: "Negated",
            Effect: "Allow",
            Principal: "*",
            Action: "*",
            Resource: "*",
            Condition: { StringNotEquals: { "aws:ResourceAccount": "999999999999" } },
        });
        await expectViolations(isolatedVpcEndpointResourceScope, isolatedVpc([endpoint("secretsmanager", negated)]));
    });
    it("reports an S3 statement on every bucket without the owner", async () => {
        const everyBucket = doc({
            Sid: "AnyBucket",
            Effect: "Allow",
            Principal: "*",
            Action: "s3:GetObject",
            Resource: "arn:aws:s3:::*/*",
            Condition: { StringEquals: { "aws:PrincipalAccount": "111111111111" } },
        });
        const v = await expectViolations(isolatedVpcEndpointResourceScope, isolatedVpc([endpoint("s3", everyBucket)]));
        expect(v.join("\n")).toMatch(/AnyBucket applies to every bucket/);
    });
});
