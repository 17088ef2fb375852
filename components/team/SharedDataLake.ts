import * as pulumi from "@pulumi/pulumi";
import { AccountContext } from "../guardrails/arns";
import { keyPolicy } from "../guardrails/kmsKeyPolicy";
import { dataLakeBucketStatements } from "../guardrails/teamBuckets";
import { viaService } from "../guardrails/teamKey";
import { PLATFORM_TEAM } from "../guardrails/teamScope";
import { CustomerKey } from "../kms/CustomerKey";
import { NamingContext, namePrefix } from "../naming";
import { NetworkContext } from "../network/types";
import { SecureBucket } from "../storage/SecureBucket";
import { dataLakeBucketName } from "./names";

export interface SharedDataLakeArgs {
    /** Organization and environment: prefix of the lake's names. Required. */
    naming: NamingContext;
    /** Partition, region and id of the workload account. Required. */
    account: AccountContext;
    /** The isolated network: the lake admits only its VPC and S3 endpoint. Required. */
    network: NetworkContext;
    /** Administrators of the lake key (the layer's key admins). Required. */
    keyAdministrators: string[];
    /** Principals exempt from the network rule: they manage bucket settings from outside the VPC. Default: keyAdministrators. */
    bucketAdministrators?: string[];
    /** The platform's access-log bucket (name). Required. */
    accessLogBucket: pulumi.Input<string>;
}

/**
 * The platform's shared data lake (Data Science on AWS, chapter 12: S3 access points; docs/sources.md): one bucket, reachable only
 * through access points of this account and only from the platform network. Each team with
 * `dataLake: true` gets an access point limited to `teams/<team>/` and the VPC (TeamEnvironment).
 */
export class SharedDataLake extends pulumi.ComponentResource {
    readonly key: CustomerKey;
    readonly bucket: SecureBucket;
    readonly bucketName: pulumi.Output<string>;
    readonly bucketArn: pulumi.Output<string>;
    readonly keyArn: pulumi.Output<string>;

    constructor(name: string, args: SharedDataLakeArgs, opts?: pulumi.ComponentResourceOptions) {
        super("secure-ds:team:SharedDataLake", name, {}, opts);
        const { partition, region, accountId } = args.account;
        const bucketName = dataLakeBucketName(args.naming, accountId);
        const bucketArn = `arn:${partition}:s3:::${bucketName}`;
        const tags = { team: PLATFORM_TEAM };
        // Team roles use the key only through S3 (their access points); matched by the platform's
        // role path, since teams are added after the lake exists.
        this.key = new CustomerKey(
            `${name}-key`,
            {
                description: `${namePrefix(args.naming)} shared data lake`,
                alias: `${namePrefix(args.naming)}-datalake`,
                policy: keyPolicy({
                    administrators: args.keyAdministrators,
                    viaServices: [viaService("s3", region, partition)],
                    userArnPatterns: { accountId, patterns: [`arn:${partition}:iam::${accountId}:role/secure-ds/${namePrefix(args.naming)}/*`] },
                }),
                tags,
            },
            { parent: this },
        );
        this.bucket = new SecureBucket(
            `${name}-bucket`,
            {
                bucketName,
                account: args.account,
                kmsKeyArn: this.key.arn,
                accessLogBucket: args.accessLogBucket,
                policyStatements: pulumi.all([args.network.vpcId, args.network.s3EndpointId]).apply(([vpcId, s3EndpointId]) =>
                    dataLakeBucketStatements({
                        bucketArn,
                        accountId,
                        vpcId,
                        s3EndpointId,
                        bucketAdminArns: args.bucketAdministrators ?? args.keyAdministrators,
                    }),
                ),
                tags,
            },
            { parent: this },
        );
        this.bucketName = this.bucket.name;
        this.bucketArn = this.bucket.arn;
        this.keyArn = this.key.arn;
        this.registerOutputs({ bucketName: this.bucketName, bucketArn: this.bucketArn, keyArn: this.key.arn });
    }
}
