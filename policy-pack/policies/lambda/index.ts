/** Lambda functions, function URLs and their settings. One rule per file, named after its policy. */
import { SecureDsPolicy } from "../common";
import { lambdaActiveTracing } from "./lambda-active-tracing";
import { lambdaDeadLetterQueue } from "./lambda-dead-letter-queue";
import { lambdaEnvironmentNoSecrets } from "./lambda-environment-no-secrets";
import { lambdaNoPublicFunctionUrl } from "./lambda-no-public-function-url";
import { lambdaReservedConcurrency } from "./lambda-reserved-concurrency";
import { lambdaSupportedRuntime } from "./lambda-supported-runtime";

export const rules: SecureDsPolicy[] = [
    lambdaActiveTracing,
    lambdaDeadLetterQueue,
    lambdaEnvironmentNoSecrets,
    lambdaNoPublicFunctionUrl,
    lambdaReservedConcurrency,
    lambdaSupportedRuntime,
];
