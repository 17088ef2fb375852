/**
 * Which interface endpoints get a custom endpoint policy by default (issue: unverified values):
 * only services whose AWS documentation describes one. The others are opt-in, and the plan lists
 * the VpcEndpointPolicySupported check for them.
 */
import { describe, expect, it } from "vitest";
import {
    DEFAULT_INTERFACE_ENDPOINTS,
    UNVERIFIED_POLICY_ENDPOINTS,
    disabledEndpointProblem,
    endpointKeyOfServiceName,
    endpointServiceName,
    extraEndpointProblem,
    interfaceEndpointSpec,
    resolveInterfaceEndpoints,
} from "../../components/network/endpointCatalog";
import { manualSteps } from "../../plan/manualSteps";
import { PlanResource } from "../../plan/types";
import { planResource } from "../harness/planResource";

function endpoint(serviceName: string, type = "Interface"): PlanResource {
    return { ...planResource("dev", "aws:ec2/vpcEndpoint:VpcEndpoint", serviceName, { serviceName, vpcEndpointType: type }), account: "111111111111" };
}

describe("endpoint policy support", () => {
    it("every default endpoint links the AWS page that documents its custom endpoint policy", () => {
        for (const e of DEFAULT_INTERFACE_ENDPOINTS) {
            expect(e.policyDocumentedAt, e.key).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/\S+\.html$/);
        }
    });

    it("Feature Store runtime and Service Catalog are not defaults, have no documented policy, and may be added with extra", () => {
        const keys = UNVERIFIED_POLICY_ENDPOINTS.map((e) => e.key);
        expect(keys).toEqual(["sagemaker.featurestore-runtime", "servicecatalog"]);
        expect(resolveInterfaceEndpoints().map((e) => e.key)).not.toEqual(expect.arrayContaining([keys[0]]));
        expect(resolveInterfaceEndpoints().map((e) => e.key)).not.toContain("servicecatalog");
        expect(extraEndpointProblem("servicecatalog")).toBeUndefined();
        const added = resolveInterfaceEndpoints({ extra: ["servicecatalog"] }).find((e) => e.key === "servicecatalog");
        expect(added).toEqual({ key: "servicecatalog", purpose: "SageMaker projects and self-service products", policy: "platformPrincipals" });
        expect(disabledEndpointProblem("servicecatalog")).toMatch(/not created unless network\.endpoints\.extra names it/);
    });

    it("maps service names back to catalogue keys, in both partitions and for the Studio names", () => {
        for (const key of ["studio", "notebook", "sagemaker.api", "codeartifact.repositories", "servicecatalog"]) {
            expect(endpointKeyOfServiceName(endpointServiceName(key, "eu-west-1", "aws"))).toBe(key);
            expect(endpointKeyOfServiceName(endpointServiceName(key, "cn-north-1", "aws-cn"))).toBe(key);
        }
        expect(endpointKeyOfServiceName("com.example.vpce.svc")).toBeUndefined();
        expect(interfaceEndpointSpec("athena").policyDocumentedAt).toBeUndefined();
    });

    it("the plan lists the VpcEndpointPolicySupported check for exactly the undocumented interface endpoints", () => {
        const resources = [
            endpoint("com.amazonaws.eu-west-1.sagemaker.api"),
            endpoint("aws.sagemaker.eu-west-1.studio"),
            endpoint("com.amazonaws.eu-west-1.s3", "Gateway"),
            endpoint("com.amazonaws.eu-west-1.servicecatalog"),
            endpoint("com.amazonaws.eu-west-1.athena"),
        ];
        const steps = manualSteps(resources, []).filter((s) => s.id === "endpoint-policy-support");
        expect(steps).toHaveLength(1);
        expect(steps[0].what).toMatch(
            /^AWS documents no custom endpoint policy for com\.amazonaws\.eu-west-1\.servicecatalog, com\.amazonaws\.eu-west-1\.athena\./,
        );
        expect(steps[0].urns).toEqual([resources[3].urn, resources[4].urn]);
        expect(manualSteps(resources.slice(0, 3), []).map((s) => s.id)).not.toContain("endpoint-policy-support");
    });
});
