import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AccountContext } from "../guardrails/arns";
import { toPolicyJson } from "../guardrails/document";
import { flowLogsDeliveryPolicy, flowLogsTrustPolicy } from "../guardrails/flowLogs";
import { LOG_RETENTION_DAYS } from "../logRetention";
import { VPC_FLOW_LOGS_DEFAULTS } from "./defaults";

export interface VpcFlowLogsArgs {
    /** The VPC whose traffic is logged (an aws.ec2.Vpc id). Required. */
    vpcId: pulumi.Input<string>;
    /** Partition, region and account of the VPC: scope the delivery role's trust. Required. */
    account: AccountContext;
    /** Log group name, e.g. `/secure-ds/acme-dev/vpc-flow-logs/data-science`. Required. */
    logGroupName: string;
    /** IAM role name of the delivery role (components/naming.ts iamRoleName). Required. */
    roleName: string;
    /**
     * Customer KMS key of the log group (E8), e.g. the layer's logs key (stacks/layerKeys.ts), whose
     * policy admits logs.<region> for this account through `kms:EncryptionContext:aws:logs:arn`.
     * Required.
     */
    kmsKeyArn: pulumi.Input<string>;
    /** Days the flow logs are kept, one of LOG_RETENTION_DAYS. Default 365. */
    retentionInDays?: number;
    /** Traffic logged: ALL, ACCEPT or REJECT. Default ALL (G5: rejected traffic alone misses exfiltration that succeeded). */
    trafficType?: "ALL" | "ACCEPT" | "REJECT";
    /** Protect the log group (`protect` + `retainOnDelete`): it is audit evidence. Default true. */
    protect?: boolean;
}

/**
 * VPC flow logs (G5) to a KMS-encrypted CloudWatch log group with a retention, delivered by a role
 * that only flow logs of this account can assume. Usable for any VPC (the package pipeline's
 * scanning VPC too), so every VPC of the platform passes the `vpc-flow-logs` policy.
 */
export class VpcFlowLogs extends pulumi.ComponentResource {
    readonly logGroup: aws.cloudwatch.LogGroup;
    readonly role: aws.iam.Role;
    readonly flowLog: aws.ec2.FlowLog;

    constructor(name: string, args: VpcFlowLogsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("secure-ds:network:VpcFlowLogs", name, {}, opts);
        const retentionInDays = args.retentionInDays ?? VPC_FLOW_LOGS_DEFAULTS.retentionInDays;
        const trafficType = args.trafficType ?? VPC_FLOW_LOGS_DEFAULTS.trafficType;
        const protect = args.protect ?? VPC_FLOW_LOGS_DEFAULTS.protect;
        if (!(LOG_RETENTION_DAYS as readonly number[]).includes(retentionInDays)) {
            throw new Error(
                `VpcFlowLogs ${name}: retentionInDays ${retentionInDays} is not a CloudWatch Logs retention; use one of ${LOG_RETENTION_DAYS.join(", ")}.`,
            );
        }
        if (!args.logGroupName.startsWith("/")) {
            throw new Error(`VpcFlowLogs ${name}: logGroupName "${args.logGroupName}" should start with "/" so the platform's groups share one namespace.`);
        }

        this.logGroup = new aws.cloudwatch.LogGroup(
            `${name}-logs`,
            { name: args.logGroupName, kmsKeyId: args.kmsKeyArn, retentionInDays },
            { parent: this, protect, retainOnDelete: protect },
        );
        this.role = new aws.iam.Role(
            `${name}-role`,
            {
                name: args.roleName,
                description: "Delivers VPC flow logs to their CloudWatch log group",
                assumeRolePolicy: toPolicyJson(flowLogsTrustPolicy(args.account)),
                maxSessionDuration: 3600,
            },
            { parent: this },
        );
        const delivery = new aws.iam.RolePolicy(
            `${name}-delivery`,
            { role: this.role.id, policy: this.logGroup.arn.apply((arn) => toPolicyJson(flowLogsDeliveryPolicy(arn))) },
            { parent: this },
        );
        this.flowLog = new aws.ec2.FlowLog(
            `${name}`,
            {
                vpcId: args.vpcId,
                trafficType,
                logDestinationType: "cloud-watch-logs",
                logDestination: this.logGroup.arn,
                iamRoleArn: this.role.arn,
            },
            // Delivery fails (and the flow log shows an error) if it starts before the role may write.
            { parent: this, dependsOn: [delivery] },
        );
        this.registerOutputs({ logGroupArn: this.logGroup.arn, flowLogId: this.flowLog.id });
    }
}
