import { z } from "zod";
import { accountId, roleArnSchema } from "./common";

/** One AWS account that a layer of the platform deploys into. */
const accountSchema = z.strictObject({
    /** The 12-digit account id. The layer's provider refuses to run against any other account. */
    accountId,
    /** Role the layer's provider assumes to deploy. Omit to use the ambient credentials. */
    assumeRoleArn: roleArnSchema.optional(),
    /**
     * Roles that administer the layer's customer KMS keys. Default: the assume-role ARN. One is
     * required: a key nobody administers cannot be managed or deleted after creation.
     */
    adminRoleArns: z.array(roleArnSchema).min(1, { message: "is empty; name at least one admin role" }).optional(),
    /**
     * The account's break-glass role: always a key administrator besides the deployer, so a key
     * stays manageable when the deployer role is deleted or recreated. Required, in this account.
     */
    breakGlassRoleArn: roleArnSchema,
});

/** Accounts per layer. Dev may put every layer in one account. */
export const accountsSchema = z.strictObject({
    /** Organizations management account. Omit when the customer has none: the organization layer is skipped. */
    management: accountSchema.optional(),
    /** Package mirror, scan pipeline, shared images, audit log archive. */
    sharedServices: accountSchema,
    /** Isolated network, Studio domain, teams, detective controls, budgets. */
    workload: accountSchema,
});

export type AccountConfig = z.infer<typeof accountSchema>;
export type AccountsConfig = z.infer<typeof accountsSchema>;
export type Layer = keyof AccountsConfig;
