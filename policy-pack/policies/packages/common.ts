/** Type tokens of the package mirror and scan pipeline resources the package rules inspect. */
import { isAwsManagedKeyRef, text } from "../types";

export const P = {
    codeartifactDomain: "aws:codeartifact/domain:Domain",
    codeartifactRepository: "aws:codeartifact/repository:Repository",
    ecrRepository: "aws:ecr/repository:Repository",
    codebuildProject: "aws:codebuild/project:Project",
    pipeline: "aws:codepipeline/pipeline:Pipeline",
    snsTopic: "aws:sns/topic:Topic",
} as const;

/**
 * Why a key reference is not a customer key, or undefined when it is one. `what` names the
 * property for the message.
 */
export function customerKeyProblem(value: unknown, what: string): string | undefined {
    const key = text(value);
    if (key === undefined) return `has no ${what}; it would use an AWS-managed key`;
    if (isAwsManagedKeyRef(key)) return `uses the AWS-managed key ${key} as ${what}; use a customer-managed key`;
    return undefined;
}
