/** Type tokens of the governance resources the rules inspect. */
import { isAwsManagedKeyRef, text } from "../types";

export const G = {
    trail: "aws:cloudtrail/trail:Trail",
    lambdaFunction: "aws:lambda/function:Function",
    lambdaFunctionUrl: "aws:lambda/functionUrl:FunctionUrl",
    sqsQueue: "aws:sqs/queue:Queue",
    eventRule: "aws:cloudwatch/eventRule:EventRule",
    configRecorder: "aws:cfg/recorder:Recorder",
} as const;

/** Why a key reference is not a customer key, or undefined when it is one. */
export function keyProblem(value: unknown, what: string): string | undefined {
    const key = text(value);
    if (key === undefined) return `has no ${what}`;
    if (isAwsManagedKeyRef(key)) return `uses the AWS-managed key ${key} as ${what}`;
    return undefined;
}
