/**
 * A first preview of dev and prod (every resource being created, every provider-computed value
 * unknown) judges every mandatory policy: none is skipped for an unknown value. The only checks a
 * preview cannot make are those on documents that embed a new ARN; their policies defer them to
 * `pulumi up` (policy-pack/policies/common/preview.ts, docs/plan-format.md), listed here by name.
 */
import { describe, expect, it } from "vitest";
import { Plan } from "../../plan/types";
import { policies } from "../../policy-pack/policies";
import { isolatedVpcNoInternetPath } from "../../policy-pack/policies/ec2/isolated-vpc-no-internet-path";
import { UNKNOWN, judgeStackPolicy } from "../harness/policyArgs";
import { loadStackPlan } from "../harness/stackPlans";
import { EC2, EGRESS, ISOLATED } from "../policies/ec2/fixtures";

/** Policies that may defer a check to `pulumi up` in a preview, and why (their previewDeferral). */
const DEFERRED: Record<string, string> = {
    // Resource policies: judged by `pulumi up` before the resource is created.
    "iam-no-decrypt-on-all-keys": "identity policies embed the ARNs of the stack's keys, roles and buckets",
    "iam-no-service-wildcard-actions": "identity policies embed the ARNs of the stack's keys, roles and buckets",
    "iam-no-wildcard-action-on-all-resources": "identity policies embed the ARNs of the stack's keys, roles and buckets",
    "iam-pass-role-scoped": "identity policies embed the ARNs of the stack's roles",
    "kms-key-policy-administrators": "a key policy names the roles allowed to use it, created with the stack",
    "resource-policy-not-public": "resource policies name the resource's own ARN or the stack's roles",
    "s3-bucket-policy-denies-insecure-transport": "a bucket policy names the bucket's ARN",
    "apigateway-private-only": "a private API's policy and vpcEndpointIds name the execute-api endpoint created with the stack",
    // Stack policies: judged by the stack analysis of `pulumi up`.
    "resource-policy-platform-accounts-only": "resource policies name ARNs of resources of the stack",
    "s3-bucket-policy-requires-kms-uploads": "a bucket policy names the bucket's ARN",
    "s3-data-bucket-network-restricted": "a bucket policy names the bucket's ARN",
    "team-network-isolation-guardrail": "guardrail policies name the team's roles and keys",
    "team-boundary-denies": "the team boundary names the team's roles, keys and buckets",
};

// This run's first previews of dev and prod (tests/harness/stackPlans.ts).
const plans: Record<string, Plan> = { dev: loadStackPlan("dev", "preview"), prod: loadStackPlan("prod", "preview") };

describe("a first preview judges every mandatory policy", () => {
    it.each(["dev", "prod"])("%s: no mandatory policy is skipped for an unknown value", (stack) => {
        const skipped = plans[stack].undecided.filter((u) => u.level === "mandatory").map((u) => `${u.policy} on ${u.urn ?? "(stack)"}: ${u.message}`);
        expect(skipped).toEqual([]);
        expect(plans[stack].summary.undecided.total).toBe(plans[stack].undecided.length);
    });

    it.each(["dev", "prod"])("%s: only the listed policies defer, each with its documented reason", (stack) => {
        const plan = plans[stack];
        for (const d of plan.deferred) {
            expect(Object.keys(DEFERRED), `${d.policy} deferred ${d.urn ?? "(stack)"}`).toContain(d.policy);
            expect(d.message).toMatch(/^deferred to `pulumi up`: .+ unknown in a preview/);
            expect(d.reason.length).toBeGreaterThan(0);
        }
        expect(plan.summary.deferred.total).toBe(plan.deferred.length);
    });

    it("prod (every policy mandatory) defers documents and nothing else", () => {
        expect(plans.prod.undecided).toEqual([]);
        expect(plans.prod.deferred.length).toBeGreaterThan(0);
        expect(plans.prod.deferred.every((d) => d.level === "mandatory")).toBe(true);
    });

    it("every listed policy declares its previewDeferral, and no other does", () => {
        const declared = policies.filter((p) => p.previewDeferral !== undefined).map((p) => p.name);
        expect(declared.sort()).toEqual(Object.keys(DEFERRED).sort());
        for (const p of policies.filter((x) => x.previewDeferral !== undefined)) {
            expect(p.description, `${p.name} says in its description that a preview leaves it to pulumi up`).toMatch(/`pulumi up`/);
        }
    });
});

describe("an internet gateway added to the isolated data VPC, in a first preview", () => {
    // Everything is being created: the VPC's id and the gateway's vpcId are unknown; only the
    // gateway's propertyDependencies say which VPC it is in.
    const stack = (igwVpc: string) => [
        { type: EC2.vpc, name: "data-vpc", props: { id: UNKNOWN, cidrBlock: "10.20.0.0/16", tags: ISOLATED } },
        { type: EC2.vpc, name: "scan-vpc", props: { id: UNKNOWN, cidrBlock: "10.30.0.0/16", tags: EGRESS } },
        { type: EC2.internetGateway, name: "igw", props: { id: UNKNOWN, vpcId: UNKNOWN }, propertyDependencies: { vpcId: [igwVpc] } },
    ];

    it("is refused: a mandatory finding, judged rather than skipped", async () => {
        expect(isolatedVpcNoInternetPath.enforcementLevel).toBe("mandatory");
        const judged = await judgeStackPolicy(isolatedVpcNoInternetPath, stack("data-vpc"));
        expect(judged.undecided).toEqual([]);
        expect(judged.violations).toEqual([expect.stringContaining("igw is an internet gateway in the isolated VPC data-vpc")]);
    });

    it("is judged, and passes, in the egress (package scanning) VPC", async () => {
        expect(await judgeStackPolicy(isolatedVpcNoInternetPath, stack("scan-vpc"))).toEqual({ violations: [], undecided: [] });
    });
});
