/** The package side: CodeBuild, CodePipeline, CodeStar connections, CodeArtifact, ECR. */
import { length, oneOf, pattern, range } from "./rule";
import { ContractRule } from "./types";

const CREATE_PROJECT = "https://docs.aws.amazon.com/codebuild/latest/APIReference/API_CreateProject.html";
const PIPELINE = "https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_PipelineDeclaration.html";
const STAGE = "https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_StageDeclaration.html";
const ACTION = "https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ActionDeclaration.html";
const CREATE_CONNECTION = "https://docs.aws.amazon.com/codestar-connections/latest/APIReference/API_CreateConnection.html";
const CA_DOMAIN = "https://docs.aws.amazon.com/codeartifact/latest/APIReference/API_CreateDomain.html";
const CA_REPOSITORY = "https://docs.aws.amazon.com/codeartifact/latest/APIReference/API_CreateRepository.html";
const ECR_REPOSITORY = "https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_CreateRepository.html";

const PROJECT = "aws:codebuild/project:Project";
const PIPE = "aws:codepipeline/pipeline:Pipeline";
const CONNECTION = "aws:codestarconnections/connection:Connection";
const CA_REPO = "aws:codeartifact/repository:Repository";
const PIPELINE_NAME = /^[A-Za-z0-9.@\-_]+$/;
const PIPELINE_NAME_CHARS = "letters, digits and .@-_";

export const PACKAGES_RULES: readonly ContractRule[] = [
    length({ type: PROJECT, path: "name", field: "CreateProject name", source: CREATE_PROJECT }, 255, 2),
    pattern(
        { type: PROJECT, path: "name", field: "CreateProject name", source: CREATE_PROJECT },
        /^[A-Za-z0-9][A-Za-z0-9\-_]{1,254}$/,
        "a letter or digit, then letters, digits, hyphens and underscores",
    ),
    length({ type: PROJECT, path: "description", field: "CreateProject description", source: CREATE_PROJECT }, 255),
    range({ type: PROJECT, path: "buildTimeout", field: "CreateProject timeoutInMinutes", source: CREATE_PROJECT }, 5, 2160),
    range({ type: PROJECT, path: "queuedTimeout", field: "CreateProject queuedTimeoutInMinutes", source: CREATE_PROJECT }, 5, 480),
    length({ type: PIPE, path: "name", field: "PipelineDeclaration name", source: PIPELINE }, 100, 1),
    pattern({ type: PIPE, path: "name", field: "PipelineDeclaration name", source: PIPELINE }, PIPELINE_NAME, PIPELINE_NAME_CHARS),
    length({ type: PIPE, path: "stages.[].name", field: "StageDeclaration name", source: STAGE }, 100, 1),
    pattern({ type: PIPE, path: "stages.[].name", field: "StageDeclaration name", source: STAGE }, PIPELINE_NAME, PIPELINE_NAME_CHARS),
    length({ type: PIPE, path: "stages.[].actions.[].name", field: "ActionDeclaration name", source: ACTION }, 100, 1),
    pattern({ type: PIPE, path: "stages.[].actions.[].name", field: "ActionDeclaration name", source: ACTION }, PIPELINE_NAME, PIPELINE_NAME_CHARS),
    length({ type: CONNECTION, path: "name", field: "CreateConnection ConnectionName", source: CREATE_CONNECTION }, 32, 1),
    oneOf({ type: CONNECTION, path: "providerType", field: "CreateConnection ProviderType", source: CREATE_CONNECTION }, [
        "Bitbucket",
        "GitHub",
        "GitHubEnterpriseServer",
        "GitLab",
        "GitLabSelfManaged",
    ]),
    length({ type: "aws:codeartifact/domain:Domain", path: "domain", field: "CreateDomain domain", source: CA_DOMAIN }, 50, 2),
    pattern(
        { type: "aws:codeartifact/domain:Domain", path: "domain", field: "CreateDomain domain", source: CA_DOMAIN },
        /^[a-z][a-z0-9-]{0,48}[a-z0-9]$/,
        "a lower-case letter, then lower-case letters, digits and hyphens, ending with a letter or digit",
    ),
    length({ type: CA_REPO, path: "repository", field: "CreateRepository repository", source: CA_REPOSITORY }, 100, 2),
    pattern(
        { type: CA_REPO, path: "repository", field: "CreateRepository repository", source: CA_REPOSITORY },
        /^[A-Za-z0-9][A-Za-z0-9._-]{1,99}$/,
        "a letter or digit, then letters, digits and ._-",
    ),
    length({ type: CA_REPO, path: "description", field: "CreateRepository description", source: CA_REPOSITORY }, 1000),
    pattern(
        { type: CA_REPO, path: "description", field: "CreateRepository description", source: CA_REPOSITORY },
        /^\P{C}*$/u,
        "no control or format characters",
    ),
    length({ type: "aws:ecr/repository:Repository", path: "name", field: "CreateRepository repositoryName", source: ECR_REPOSITORY }, 256, 2),
    pattern(
        { type: "aws:ecr/repository:Repository", path: "name", field: "CreateRepository repositoryName", source: ECR_REPOSITORY },
        /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/,
        "lower-case letters and digits, separated by single . _ - or /",
    ),
];
