/** A compliant scan-pipeline CodeBuild project, as ScanPipeline builds it; cases override one property. */
import { ResourceCase } from "../../harness/policyArgs";
import { KEY } from "../fixtures";

export const project = (p: Record<string, unknown>): ResourceCase => ({
    type: "aws:codebuild/project:Project",
    props: {
        name: "p",
        encryptionKey: KEY,
        source: { type: "CODEPIPELINE", buildspec: "version: 0.2\nphases: {}\n" },
        logsConfig: { cloudwatchLogs: { status: "ENABLED", groupName: "/g" } },
        environment: {
            type: "LINUX_CONTAINER",
            privilegedMode: false,
            environmentVariables: [
                { name: "REPORTS_KEY_ARN", type: "PLAINTEXT", value: KEY },
                { name: "GITHUB_TOKEN", type: "SECRETS_MANAGER", value: "arn:s" },
            ],
        },
        ...p,
    },
});
