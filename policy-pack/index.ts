/**
 * The CrossGuard pack. Only constructs the PolicyPack: `new PolicyPack` starts a gRPC server,
 * so tests and the offline plan import `./policies` instead of this file.
 *
 *   pulumi preview --policy-pack policy-pack --policy-pack-config policy-pack/config/advisory.json
 */
import { PolicyPack } from "@pulumi/policy";
import { policies } from "./policies";

new PolicyPack("secure-ds-guardrails", {
    // Secure by default: every policy is mandatory unless the pack config lowers it.
    enforcementLevel: "mandatory",
    policies,
});
