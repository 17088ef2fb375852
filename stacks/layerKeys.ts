import * as pulumi from "@pulumi/pulumi";
import { logsServicePrincipal } from "../components/guardrails/arns";
import { keyPolicy } from "../components/guardrails/kmsKeyPolicy";
import { CustomerKey } from "../components/kms/CustomerKey";
import { namePrefix } from "../components/naming";
import { Layer } from "./config";
import { LayerContext } from "./context";

/**
 * The logs key's name per layer (kept from the per-layer providers, whose names they were). The
 * teams layer has none: its teams log with the workload base's key (contract workloadBase). The
 * networkHub layer has none either: the hub writes no logs.
 */
const LOGS_KEY_NAME: Record<Exclude<Layer, "teams" | "networkHub">, string> = {
    organization: "management",
    logArchive: "log-archive",
    sharedServices: "sharedServices",
    workload: "workload",
};

/**
 * The layer's key for log data: CloudWatch log groups (E8) and S3 server access logs (E7). The
 * logs service may use it only for log groups of this account and region, through the
 * `kms:EncryptionContext:aws:logs:arn` key; S3 log delivery only for this account's buckets.
 */
export function createLogsKey(ctx: LayerContext, parent: pulumi.Resource): CustomerKey {
    if (ctx.layer === "teams") throw new Error("createLogsKey: the teams layer has no logs key; its teams use the workload base's (contract workloadBase)");
    if (ctx.layer === "networkHub") throw new Error("createLogsKey: the networkHub layer has no logs key; the hub writes no logs");
    const name = LOGS_KEY_NAME[ctx.layer];
    const { partition, region, accountId } = ctx.aws;
    return new CustomerKey(
        `${name}-logs`,
        {
            description: `${namePrefix(ctx.naming)} ${name}: CloudWatch Logs encryption`,
            alias: `${namePrefix(ctx.naming)}-${name}-logs`,
            policy: keyPolicy({
                administrators: ctx.keyAdmins,
                serviceUsers: [
                    {
                        sid: "CloudWatchLogsForThisAccount",
                        principal: logsServicePrincipal(ctx.aws),
                        actions: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
                        conditions: {
                            ArnLike: { "kms:EncryptionContext:aws:logs:arn": `arn:${partition}:logs:${region}:${accountId}:log-group:*` },
                        },
                    },
                    {
                        // S3 server access logs are delivered by the logging service; with SSE-KMS on the
                        // destination it needs to generate data keys, for this account's buckets only.
                        sid: "S3ServerAccessLogDeliveryForThisAccount",
                        principal: "logging.s3.amazonaws.com",
                        actions: ["kms:GenerateDataKey*", "kms:Decrypt"],
                        conditions: { StringEquals: { "aws:SourceAccount": accountId } },
                    },
                ],
            }),
        },
        { parent },
    );
}
