/**
 * The pack cannot import components (lint forbids it), so it repeats the network-role tag
 * vocabulary of components/tags.ts. This keeps the two copies equal: a renamed key or value on
 * one side would otherwise switch the N6 rule's recognition of the VPCs off.
 */
import { describe, expect, it } from "vitest";
import { NETWORK_EGRESS_TAG, NETWORK_ISOLATION_TAG } from "../../components/tags";
import { ISOLATION_TAG, NETWORK_ROLES } from "../../policy-pack/policies/ec2/common";

describe("network-role tag vocabulary", () => {
    it("is the same in the components and in the pack", () => {
        expect(ISOLATION_TAG).toBe(NETWORK_ISOLATION_TAG.key);
        expect(NETWORK_EGRESS_TAG.key).toBe(NETWORK_ISOLATION_TAG.key);
        expect(NETWORK_ROLES).toEqual({ isolated: NETWORK_ISOLATION_TAG.value, egress: NETWORK_EGRESS_TAG.value });
    });
});
