/**
 * The CrossGuard pack. Only constructs the PolicyPack: `new PolicyPack` starts a gRPC server,
 * so tests and the offline plan import `./policies` instead of this file.
 *
 *   pulumi preview --policy-pack policy-pack --policy-pack-config policy-pack/config/advisory.json
 *
 * Each policy is registered with its severity and remediation steps (CrossGuard's own fields)
 * and, unless critical, reads per-resource exemptions from its config (policies/common/exemptions.ts).
 */
import { PolicyPack } from "@pulumi/policy";
import { packPolicy } from "./policies/common";
import { policies } from "./policies";

new PolicyPack("secure-ds-guardrails", {
    // Secure by default: every policy is mandatory unless the pack config lowers it.
    enforcementLevel: "mandatory",
    policies: policies.map(packPolicy),
});
