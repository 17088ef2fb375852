/**
 * The VPC flow-log delivery role (G5): trust and permissions as plain documents.
 */
import { AccountContext, servicePrincipal } from "./arns";
import { PolicyDocument, policyDocument } from "./document";

/**
 * Trust for `vpc-flow-logs.amazonaws.com`, scoped to flow logs of this account (confused deputy:
 * without `aws:SourceAccount`/`aws:SourceArn` any account's flow logs could deliver through the role).
 */
export function flowLogsTrustPolicy(ctx: AccountContext): PolicyDocument {
    return policyDocument([
        {
            Sid: "VpcFlowLogsOfThisAccount",
            Effect: "Allow",
            Principal: { Service: servicePrincipal("vpc-flow-logs", ctx.partition) },
            Action: "sts:AssumeRole",
            Condition: {
                StringEquals: { "aws:SourceAccount": ctx.accountId },
                ArnLike: { "aws:SourceArn": `arn:${ctx.partition}:ec2:${ctx.region}:${ctx.accountId}:vpc-flow-log/*` },
            },
        },
    ]);
}

/**
 * What the delivery role may do: write streams and events of the one log group. `DescribeLogGroups`
 * supports no resource scoping, and the service calls it before delivering.
 */
export function flowLogsDeliveryPolicy(logGroupArn: string): PolicyDocument {
    const group = logGroupArn.replace(/:\*$/, "");
    return policyDocument([
        {
            Sid: "WriteFlowLogs",
            Effect: "Allow",
            Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
            Resource: [group, `${group}:log-stream:*`],
        },
        {
            Sid: "FindLogGroup",
            Effect: "Allow",
            Action: "logs:DescribeLogGroups",
            Resource: "*",
        },
    ]);
}
