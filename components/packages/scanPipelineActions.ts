/**
 * The scan pipeline's CodePipeline actions and notification texts: plain values built from names
 * and Outputs, no resources.
 */
import type * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import { NotifiedState, ScanStage } from "./scanPipelineNames";

type Action = aws.types.input.codepipeline.PipelineStageAction;
type Stage = aws.types.input.codepipeline.PipelineStage;

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

/** The publish action's output variable: how many approved packages have no version in `approved` yet. */
export const FIRST_SEEN_VARIABLE = "FIRST_SEEN_COUNT";
const PUBLISH_KNOWN_NAMESPACE = "PublishKnown";

/**
 * Publish with a manual approval for first-seen packages (S3). The request is split by the
 * publish role itself, the only principal that can read what `approved` holds: "PublishKnown"
 * publishes the packages of which `approved` already has a version and counts the others (the
 * first-seen ones, listed in its log with their report); the approval stage is entered only when
 * that count is not 0 (a V2 entry condition that SKIPs it otherwise), so a request of known
 * packages is never held; after an approval "PublishRest" publishes the whole signed list again,
 * which skips what is already published (same SHA-256) and publishes the first-seen ones. A
 * rejection fails the run: nothing first-seen is published.
 */
export function firstSeenApprovalStages(a: { projectName: pulumi.Input<string>; topicArn: pulumi.Input<string>; reportsBucket: string }): Stage[] {
    const publish = (name: string, scope: "known" | "all", namespace?: string): Action => ({
        ...buildAction("publish", a.projectName, ["scan", "decision"], undefined, { PUBLISH_SCOPE: scope }),
        name,
        ...(namespace ? { namespace } : {}),
    });
    return [
        { name: "PublishKnown", actions: [publish("PublishKnown", "known", PUBLISH_KNOWN_NAMESPACE)] },
        {
            name: "ApproveFirstSeen",
            // Entry conditions: the stage is entered when every rule passes, otherwise the result
            // (FAIL or SKIP) applies. VariableCheck operators: EQ, NE, CONTAINS, MATCHES
            // (CodePipeline user guide, "VariableCheck" rule reference and "How do stage conditions work?").
            beforeEntry: {
                condition: {
                    result: "SKIP",
                    rules: [
                        {
                            name: "FirstSeenPackages",
                            ruleTypeId: { category: "Rule", owner: "AWS", provider: "VariableCheck", version: "1" },
                            configuration: { Variable: `#{${PUBLISH_KNOWN_NAMESPACE}.${FIRST_SEEN_VARIABLE}}`, Operator: "NE", Value: "0" },
                        },
                    ],
                },
            },
            actions: [
                {
                    name: "ApproveFirstSeen",
                    category: "Approval",
                    owner: "AWS",
                    provider: "Manual",
                    version: "1",
                    configuration: {
                        NotificationArn: a.topicArn,
                        CustomData: `#{${PUBLISH_KNOWN_NAMESPACE}.${FIRST_SEEN_VARIABLE}} package(s) were never approved before. Read their scan report (s3://${a.reportsBucket}/decisions/#{codepipeline.PipelineExecutionId}/report.md) and the PublishKnown log (lines FIRST-SEEN) before approving.`,
                    },
                },
            ],
        },
        { name: "PublishRest", actions: [publish("PublishRest", "all")] },
    ];
}
