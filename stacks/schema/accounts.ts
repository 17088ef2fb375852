import { z } from "zod";
import { accountId, roleArnSchema } from "./common";

/** One AWS account of the organisation's platform. */
const accountSchema = z.strictObject({
    /** The 12-digit account id. A stack's provider refuses to run against any other account. */
    accountId,
    /** Role the stack's provider assumes to deploy into this account. Omit to use the ambient credentials. */
    assumeRoleArn: roleArnSchema.optional(),
    /**
     * Roles that administer the account's customer KMS keys. Default: the assume-role ARN. One is
     * required: a key nobody administers cannot be managed or deleted after creation.
     */
    adminRoleArns: z.array(roleArnSchema).min(1, { message: "is empty; name at least one admin role" }).optional(),
    /**
     * The account's break-glass role: always a key administrator besides the deployer, so a key
     * stays manageable when the deployer role is deleted or recreated. Required, in this account.
     */
    breakGlassRoleArn: roleArnSchema,
});

/**
 * The organisation's accounts by role: the directory every stack reads (policies name peer
 * accounts by id). A stack deploys into the account of its layers only (`stack.layers`); the
 * others are named, never deployed to. Dev may give every role one account.
 */
export const accountsSchema = z.strictObject({
    /** Organizations management account. Omit when the customer has none: the organization layer cannot be built. */
    management: accountSchema.optional(),
    /** Log archive (Security OU): the audit archive bucket and key. Default: the shared-services account. */
    logArchive: accountSchema.optional(),
    /** Package mirror, scan pipeline, shared images. */
    sharedServices: accountSchema,
    /** Isolated network, Studio domains, teams, detective controls, budgets. */
    workload: accountSchema,
    /**
     * Network hub (Infrastructure OU): the transit gateway the workload accounts attach to, shared
     * through AWS RAM (layer networkHub). Optional: without it a workload names a gateway shared
     * by hand (network.transitGateway.id), or has no corporate access.
     */
    network: accountSchema.optional(),
});

export type AccountConfig = z.infer<typeof accountSchema>;
export type AccountsConfig = z.infer<typeof accountsSchema>;
export type AccountRole = keyof AccountsConfig;
