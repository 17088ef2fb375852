import { expect, it } from "vitest";
import { apigatewayIsolatedVpcEndpoint } from "../../../policy-pack/policies/apigateway/apigateway-isolated-vpc-endpoint";
import { StackCaseResource, runStackPolicy } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { edit, previewed, r } from "../fixtures";
import { EC2, egressVpc, isolatedVpc } from "../ec2/fixtures";
import { APIGW, VPCE } from "./fixtures";

const executeApi = (name: string, vpc: string, props: Record<string, unknown> = {}): StackCaseResource =>
    r(
        EC2.vpcEndpoint,
        name,
        { vpcEndpointType: "Interface", serviceName: "com.amazonaws.eu-west-1.execute-api", privateDnsEnabled: true, ...props },
        { vpcId: [vpc] },
    );
/** The broker's API naming `endpoints` through its endpointConfiguration (as `endpoint.id` outputs do). */
const api = (endpoints: string[], ids: unknown = [VPCE]): StackCaseResource =>
    r(
        APIGW.restApi,
        "broker-api",
        { endpointConfiguration: { types: "PRIVATE", vpcEndpointIds: ids } },
        endpoints.length > 0 ? { endpointConfiguration: endpoints } : undefined,
    );

const compliant = [...isolatedVpc([executeApi("vpce-execute-api", "vpc", { id: VPCE })]), ...egressVpc, api(["vpce-execute-api"])];

describeRule(apigatewayIsolatedVpcEndpoint, () => {
    it("passes an API naming the isolated VPC's execute-api endpoint, by dependency or by id", async () => {
        await expectCompliant(apigatewayIsolatedVpcEndpoint, compliant);
        await expectCompliant(apigatewayIsolatedVpcEndpoint, [...isolatedVpc([executeApi("vpce-execute-api", "vpc", { id: VPCE })]), api([])]);
    });
    it("judges a preview through propertyDependencies: the ids are unknown", async () => {
        await expectCompliant(apigatewayIsolatedVpcEndpoint, previewed(compliant));
        const scan = [...isolatedVpc(), ...egressVpc, executeApi("scan-execute-api", "scan-vpc"), api(["scan-execute-api"])];
        expect(await expectViolations(apigatewayIsolatedVpcEndpoint, previewed(scan))).toEqual([
            "REST API broker-api names VPC endpoint scan-execute-api, which is not in an isolated VPC of this stack (a VPC tagged secure-ds:network-isolation = isolated) (N7).",
        ]);
    });
    it("reports an endpoint of the scanning VPC, another service's endpoint and a Gateway endpoint", async () => {
        const wrong = [
            ...isolatedVpc([
                executeApi("vpce-sts", "vpc", { serviceName: "com.amazonaws.eu-west-1.sts" }),
                r(EC2.vpcEndpoint, "vpce-s3", { serviceName: "com.amazonaws.eu-west-1.s3" }, { vpcId: ["vpc"] }),
            ]),
            ...egressVpc,
            executeApi("scan-execute-api", "scan-vpc"),
            api(["vpce-sts", "vpce-s3", "scan-execute-api"]),
        ];
        expect(await expectViolations(apigatewayIsolatedVpcEndpoint, previewed(wrong))).toEqual([
            "REST API broker-api names VPC endpoint vpce-sts, which is an endpoint for com.amazonaws.eu-west-1.sts, not for execute-api (N7).",
            "REST API broker-api names VPC endpoint vpce-s3, which is a Gateway endpoint, not an Interface endpoint (N7).",
            "REST API broker-api names VPC endpoint scan-execute-api, which is not in an isolated VPC of this stack (a VPC tagged secure-ds:network-isolation = isolated) (N7).",
        ]);
    });
    it("reports an endpoint id that is no endpoint of the stack", async () => {
        const literal = edit(compliant, "broker-api", (x) => {
            x.props.endpointConfiguration = { types: "PRIVATE", vpcEndpointIds: ["vpce-0aaaaaaaaaaaaaaaa"] };
            x.propertyDependencies = undefined;
        });
        expect(await expectViolations(apigatewayIsolatedVpcEndpoint, literal)).toEqual([
            "REST API broker-api names VPC endpoint vpce-0aaaaaaaaaaaaaaaa, which is no endpoint of this stack (N8).",
        ]);
    });
    it("does not apply without REST APIs, or to an API that names none (apigateway-private-only reports it)", async () => {
        expect(await runStackPolicy(apigatewayIsolatedVpcEndpoint, [...isolatedVpc(), ...egressVpc])).toEqual([]);
        expect(await runStackPolicy(apigatewayIsolatedVpcEndpoint, [...isolatedVpc(), r(APIGW.restApi, "edge", {})])).toEqual([]);
    });
});
