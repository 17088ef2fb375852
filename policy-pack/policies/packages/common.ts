/** Type tokens of the package mirror and scan pipeline resources the package rules inspect. */
export { customerKeyProblem } from "../types";

export const P = {
    codeartifactDomain: "aws:codeartifact/domain:Domain",
    codeartifactRepository: "aws:codeartifact/repository:Repository",
    ecrRepository: "aws:ecr/repository:Repository",
    codebuildProject: "aws:codebuild/project:Project",
    pipeline: "aws:codepipeline/pipeline:Pipeline",
    snsTopic: "aws:sns/topic:Topic",
} as const;
