/** Type tokens of the governance resources the rules inspect. */

export const G = {
    trail: "aws:cloudtrail/trail:Trail",
    lambdaFunction: "aws:lambda/function:Function",
    lambdaFunctionUrl: "aws:lambda/functionUrl:FunctionUrl",
    sqsQueue: "aws:sqs/queue:Queue",
    eventRule: "aws:cloudwatch/eventRule:EventRule",
    configRecorder: "aws:cfg/recorder:Recorder",
} as const;
