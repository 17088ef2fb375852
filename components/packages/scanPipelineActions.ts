/**
 * The scan pipeline's CodePipeline actions and notification texts: plain values built from names
 * and Outputs, no resources.
 */
import type * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import { NotifiedState, ScanStage } from "./scanPipelineNames";

type Action = aws.types.input.codepipeline.PipelineStageAction;

/** CodeBuild and CodePipeline take environment variables as name/value/type triples. */
export function plaintextVariables<T>(vars: Record<string, T>): { name: string; value: T; type: string }[] {
    return Object.entries(vars).map(([name, value]) => ({ name, value, type: "PLAINTEXT" }));
}

/** S3 intake: the pipeline runs on each upload of `requests.zip` (started by EventBridge, no polling). */
export function s3SourceAction(bucket: pulumi.Input<string>): Action {
    return {
        name: "Requests",
        category: "Source",
        owner: "AWS",
        provider: "S3",
        version: "1",
        outputArtifacts: ["source"],
        configuration: { S3Bucket: bucket, S3ObjectKey: "requests.zip", PollForSourceChanges: "false" },
    };
}

/** Git intake through a CodeStar connection (S6: no personal access token). */
export function codeStarSourceAction(connectionArn: pulumi.Input<string>, repository: string, branch: string): Action {
    return {
        name: "Requests",
        category: "Source",
        owner: "AWS",
        provider: "CodeStarSourceConnection",
        version: "1",
        outputArtifacts: ["source"],
        configuration: {
            ConnectionArn: connectionArn,
            FullRepositoryId: repository,
            BranchName: branch,
            OutputArtifactFormat: "CODE_ZIP",
            DetectChanges: "true",
        },
    };
}

/** A CodeBuild stage; with several inputs the first is the primary source. */
export function buildAction(stage: ScanStage, projectName: pulumi.Input<string>, inputs: string[], output?: string, extraEnv?: Record<string, string>): Action {
    return {
        name: stage[0].toUpperCase() + stage.slice(1),
        category: "Build",
        owner: "AWS",
        provider: "CodeBuild",
        version: "1",
        inputArtifacts: inputs,
        ...(output ? { outputArtifacts: [output] } : {}),
        configuration: {
            ProjectName: projectName,
            ...(inputs.length > 1 ? { PrimarySource: inputs[0] } : {}),
            ...(extraEnv ? { EnvironmentVariables: JSON.stringify(plaintextVariables(extraEnv)) } : {}),
        },
    };
}

/** The e-mail text of a finished run (an EventBridge input template), pointing at its report. */
export function notificationTemplate(state: NotifiedState, reportsBucket: string): string {
    const report = `Report: s3://${reportsBucket}/decisions/<execution>/report.md`;
    return state === "FAILED"
        ? `"Package scan pipeline <pipeline> run <execution> FAILED: a package was rejected or a stage failed. Nothing of that request file was published. ${report}"`
        : `"Package scan pipeline <pipeline> run <execution> SUCCEEDED: the requested packages were scanned, approved and published. ${report}"`;
}
