/**
 * Trust policies of the pipeline roles (I13) for GitHub Actions' OIDC tokens. The subject claim is
 * pinned to the repository and to a branch (`repo:<owner>/<repo>:ref:refs/heads/<branch>`), a
 * deployment environment (`repo:<owner>/<repo>:environment:<name>`, the form GitHub sends for
 * every job that names an environment) or pull requests (`repo:<owner>/<repo>:pull_request`), and
 * the audience to sts.amazonaws.com (GitHub Docs, "OpenID Connect reference": subject claim
 * formats; IAM User Guide, "Create a role for OpenID Connect federation": the
 * `token.actions.githubusercontent.com:aud` and `:sub` condition keys).
 */
import { PolicyDocument, policyDocument } from "./document";

export const GITHUB_OIDC_HOST = "token.actions.githubusercontent.com";

export interface GithubOidcTrustArgs {
    partition: string;
    /** The account holding the role and its IAM OIDC provider for token.actions.githubusercontent.com. */
    accountId: string;
    /** The provider's ARN. Default: arn:<partition>:iam::<accountId>:oidc-provider/token.actions.githubusercontent.com. */
    providerArn?: string;
    /** `owner/repo`. Required. */
    repository: string;
    /** Branches whose workflow runs may assume the role (no environment on the job). Default none. */
    branches?: string[];
    /** Deployment environments whose jobs may assume the role. Default none. */
    environments?: string[];
    /** Workflow runs for pull requests may assume the role: for preview roles only. Default false. */
    pullRequests?: boolean;
}

const REPOSITORY = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;
// GitHub's environment and branch names may not contain the wildcards IAM would interpret.
const NAME = /^[A-Za-z0-9._/-]+$/;

/** The `sub` values a role admits, checked: a wildcard here would admit every fork or branch. */
export function githubSubjects(args: GithubOidcTrustArgs): string[] {
    if (!REPOSITORY.test(args.repository)) {
        throw new Error(`githubOidcTrustPolicy: repository "${args.repository}" is not owner/repo.`);
    }
    for (const name of [...(args.branches ?? []), ...(args.environments ?? [])]) {
        if (!NAME.test(name)) throw new Error(`githubOidcTrustPolicy: "${name}" is not a plain branch or environment name (no wildcards).`);
    }
    const repo = `repo:${args.repository}`;
    const subjects = [
        ...(args.branches ?? []).map((b) => `${repo}:ref:refs/heads/${b}`),
        ...(args.environments ?? []).map((e) => `${repo}:environment:${e}`),
        ...(args.pullRequests ? [`${repo}:pull_request`] : []),
    ];
    if (subjects.length === 0) {
        throw new Error("githubOidcTrustPolicy: no branch, environment or pull_request given; the role would admit nobody.");
    }
    return subjects;
}

/** Trust of a pipeline role: GitHub's OIDC tokens of the named repository and branches/environments only. */
export function githubOidcTrustPolicy(args: GithubOidcTrustArgs): PolicyDocument {
    const provider = args.providerArn ?? `arn:${args.partition}:iam::${args.accountId}:oidc-provider/${GITHUB_OIDC_HOST}`;
    return policyDocument([
        {
            Sid: "GithubActionsOidc",
            Effect: "Allow",
            Principal: { Federated: provider },
            Action: "sts:AssumeRoleWithWebIdentity",
            Condition: {
                // StringEquals, not StringLike: the subjects are exact, no wildcard can slip in.
                StringEquals: { [`${GITHUB_OIDC_HOST}:aud`]: "sts.amazonaws.com", [`${GITHUB_OIDC_HOST}:sub`]: githubSubjects(args) },
            },
        },
    ]);
}
