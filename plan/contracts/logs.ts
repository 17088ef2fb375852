/** CloudWatch Logs groups and EventBridge rules. */
import { length, oneOf, pattern } from "./rule";
import { ContractRule } from "./types";

const CREATE_LOG_GROUP = "https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_CreateLogGroup.html";
const PUT_RETENTION = "https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html";
const PUT_RULE = "https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutRule.html";

const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
const EVENT_RULE = "aws:cloudwatch/eventRule:EventRule";

export const LOGS_RULES: readonly ContractRule[] = [
    length({ type: LOG_GROUP, path: "name", field: "CreateLogGroup logGroupName", source: CREATE_LOG_GROUP }, 512, 1),
    pattern(
        { type: LOG_GROUP, path: "name", field: "CreateLogGroup logGroupName", source: CREATE_LOG_GROUP },
        /^[.\-_/#A-Za-z0-9]+$/,
        "letters, digits and ._-/#",
    ),
    oneOf(
        { type: LOG_GROUP, path: "retentionInDays", field: "PutRetentionPolicy retentionInDays", source: PUT_RETENTION },
        [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653],
    ),
    length({ type: EVENT_RULE, path: "name", field: "PutRule Name", source: PUT_RULE }, 64, 1),
    pattern({ type: EVENT_RULE, path: "name", field: "PutRule Name", source: PUT_RULE }, /^[.\-_A-Za-z0-9]+$/, "letters, digits and ._-"),
    length({ type: EVENT_RULE, path: "description", field: "PutRule Description", source: PUT_RULE }, 512),
];
