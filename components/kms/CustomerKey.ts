import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { PolicyDocument, toPolicyJson } from "../guardrails/document";
import { CUSTOMER_KEY_DEFAULTS, DELETION_WINDOW_DAYS_RANGE } from "./defaults";

export interface CustomerKeyArgs {
    /** What the key protects; shown in the KMS console. Required. */
    description: pulumi.Input<string>;
    /** Key policy, built with `keyPolicy()` from components/guardrails. Required. */
    policy: pulumi.Input<PolicyDocument>;
    /**
     * `ENCRYPT_DECRYPT` (symmetric, rotated yearly) or `SIGN_VERIFY` (ECC_NIST_P256, for signing
     * digests; KMS does not rotate asymmetric keys, so rotation is off). Default ENCRYPT_DECRYPT.
     */
    usage?: "ENCRYPT_DECRYPT" | "SIGN_VERIFY";
    /** Alias name without the `alias/` prefix. Default: none. */
    alias?: pulumi.Input<string>;
    /** Days KMS waits before deleting the key (7 to 30). Default 30, the maximum (E9). */
    deletionWindowInDays?: number;
    /**
     * Protect the key (`protect`: the engine refuses to delete it) and keep it when the stack no
     * longer declares it (`retainOnDelete`). Default true: data encrypted under a deleted key is
     * lost for good. CrossGuard sees only `protect`, so both are set.
     */
    protect?: boolean;
    /** Extra tags; provider defaultTags carry the mandatory ones. Default: none. */
    tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/**
 * A customer-managed KMS key with the longest deletion window and a least-privilege key policy:
 * symmetric with yearly rotation, or an ECC signing key (which KMS cannot rotate).
 */
export class CustomerKey extends pulumi.ComponentResource {
    readonly key: aws.kms.Key;
    readonly arn: pulumi.Output<string>;
    readonly keyId: pulumi.Output<string>;
    readonly alias?: aws.kms.Alias;

    constructor(name: string, args: CustomerKeyArgs, opts?: pulumi.ComponentResourceOptions) {
        super("secure-ds:kms:CustomerKey", name, {}, opts);
        const deletionWindowInDays = args.deletionWindowInDays ?? CUSTOMER_KEY_DEFAULTS.deletionWindowInDays;
        const protect = args.protect ?? CUSTOMER_KEY_DEFAULTS.protect;
        const { min, max } = DELETION_WINDOW_DAYS_RANGE;
        if (!Number.isInteger(deletionWindowInDays) || deletionWindowInDays < min || deletionWindowInDays > max) {
            throw new Error(`CustomerKey ${name}: deletionWindowInDays ${deletionWindowInDays} must be a whole number from ${min} to ${max}.`);
        }
        const signing = (args.usage ?? CUSTOMER_KEY_DEFAULTS.usage) === "SIGN_VERIFY";
        this.key = new aws.kms.Key(
            `${name}-key`,
            {
                description: args.description,
                ...(signing
                    ? { enableKeyRotation: false, keyUsage: "SIGN_VERIFY", customerMasterKeySpec: "ECC_NIST_P256" }
                    : { enableKeyRotation: true, rotationPeriodInDays: 365, keyUsage: "ENCRYPT_DECRYPT", customerMasterKeySpec: "SYMMETRIC_DEFAULT" }),
                deletionWindowInDays,
                policy: pulumi.output(args.policy).apply((doc) => toPolicyJson(doc as PolicyDocument)),
                tags: args.tags,
            },
            { parent: this, protect, retainOnDelete: protect },
        );
        if (args.alias !== undefined) {
            this.alias = new aws.kms.Alias(`${name}-alias`, { name: pulumi.interpolate`alias/${args.alias}`, targetKeyId: this.key.keyId }, { parent: this });
        }
        this.arn = this.key.arn;
        this.keyId = this.key.keyId;
        this.registerOutputs({ arn: this.arn, keyId: this.keyId });
    }
}
