/** Lambda functions and their asynchronous invocation config. */
import { length, pattern, range } from "./rule";
import { ContractRule } from "./types";

const CREATE_FUNCTION = "https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html";
const INVOKE_CONFIG = "https://docs.aws.amazon.com/lambda/latest/api/API_PutFunctionEventInvokeConfig.html";

const FUNCTION = "aws:lambda/function:Function";
const EVENT_INVOKE = "aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig";

export const LAMBDA_RULES: readonly ContractRule[] = [
    // The API's 140 characters are for a full ARN; a bare function name is limited to 64.
    length({ type: FUNCTION, path: "name", field: "CreateFunction FunctionName", source: CREATE_FUNCTION }, 64, 1),
    pattern(
        { type: FUNCTION, path: "name", field: "CreateFunction FunctionName", source: CREATE_FUNCTION },
        /^[a-zA-Z0-9_-]+$/,
        "letters, digits, hyphens and underscores",
    ),
    length({ type: FUNCTION, path: "description", field: "CreateFunction Description", source: CREATE_FUNCTION }, 256),
    range({ type: FUNCTION, path: "timeout", field: "CreateFunction Timeout", source: CREATE_FUNCTION }, 1, 900),
    range({ type: FUNCTION, path: "memorySize", field: "CreateFunction MemorySize", source: CREATE_FUNCTION }, 128, 10240),
    range(
        { type: EVENT_INVOKE, path: "maximumEventAgeInSeconds", field: "PutFunctionEventInvokeConfig MaximumEventAgeInSeconds", source: INVOKE_CONFIG },
        60,
        21600,
    ),
    range({ type: EVENT_INVOKE, path: "maximumRetryAttempts", field: "PutFunctionEventInvokeConfig MaximumRetryAttempts", source: INVOKE_CONFIG }, 0, 2),
];
