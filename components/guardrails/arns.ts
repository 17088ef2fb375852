/**
 * ARN and principal builders. Account ids, partition and region come from config (never from
 * a data-source invoke), so every ARN a policy names can be computed at program time.
 */

export interface AccountContext {
    partition: string;
    region: string;
    accountId: string;
}

export function accountRootArn(ctx: Pick<AccountContext, "partition" | "accountId">): string {
    return `arn:${ctx.partition}:iam::${ctx.accountId}:root`;
}

export function roleArn(ctx: Pick<AccountContext, "partition" | "accountId">, roleName: string, path = "/"): string {
    return `arn:${ctx.partition}:iam::${ctx.accountId}:role${path}${roleName}`;
}

export function bucketArn(partition: string, bucketName: string): string {
    return `arn:${partition}:s3:::${bucketName}`;
}

/** Amazon Macie's service-linked role, which reads S3 objects to classify them. */
export function macieServiceLinkedRoleArn(ctx: Pick<AccountContext, "partition" | "accountId">): string {
    return `arn:${ctx.partition}:iam::${ctx.accountId}:role/aws-service-role/macie.amazonaws.com/AWSServiceRoleForAmazonMacie`;
}

/**
 * AWS Config's service-linked role (Security Hub Config.1). Its path and name are fixed by AWS, so
 * the recorder can name it before it exists.
 */
export function configServiceLinkedRoleArn(ctx: Pick<AccountContext, "partition" | "accountId">): string {
    return `arn:${ctx.partition}:iam::${ctx.accountId}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`;
}

/** The DNS suffix of service principals differs only in China regions. */
export function servicePrincipal(service: string, partition: string): string {
    return partition === "aws-cn" ? `${service}.amazonaws.com.cn` : `${service}.amazonaws.com`;
}

/** CloudWatch Logs uses a regional service principal in key policies. */
export function logsServicePrincipal(ctx: Pick<AccountContext, "partition" | "region">): string {
    return ctx.partition === "aws-cn" ? `logs.${ctx.region}.amazonaws.com.cn` : `logs.${ctx.region}.amazonaws.com`;
}
