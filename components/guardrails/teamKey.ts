/**
 * The team key's policy (E2, E3, E7, E9): administrators manage it, the team's execution roles
 * (and the roles its admin creates under the delegated path) use it through the AWS services that
 * store the team's data, and any cryptographic use that neither comes through the platform's KMS
 * endpoint nor is made by an AWS service on the caller's behalf is denied.
 *
 * The human roles are not key users: people reach data only through Studio and jobs, which run as
 * execution roles. Nothing here names the account root, so no IAM policy elsewhere can widen it.
 */
import { KeyPolicyArgs, keyPolicy } from "./kmsKeyPolicy";
import { PolicyDocument } from "./document";
import { TeamDocumentScope, delegatedRoleArnPattern, executionRoleArns } from "./teamScope";

/** Services that use the team key for the caller: S3 (buckets), SageMaker (outputs, volumes), EC2 (EBS of jobs and apps). */
const TEAM_KEY_VIA_SERVICES = ["s3", "sagemaker", "ec2"];

export function viaService(service: string, region: string, partition: string): string {
    return `${service}.${region}.amazonaws.com${partition === "aws-cn" ? ".cn" : ""}`;
}

export interface TeamKeyPolicyInputs {
    /** The layer's key administrators (the platform admin / deployer roles), never team roles. */
    administrators: string[];
    /** The platform's KMS interface endpoint(s): direct key use must come through them. */
    kmsEndpointIds: string[];
}

/** What the key policy reads of a team: no key ARN, so the key can be the first resource of the team. */
export type TeamKeyScope = Pick<
    TeamDocumentScope,
    "partition" | "region" | "accountId" | "roleArns" | "userRoleArns" | "delegatedRolePath" | "dataInspectorArns"
>;

export function teamKeyPolicyArgs(s: TeamKeyScope, inputs: TeamKeyPolicyInputs): KeyPolicyArgs {
    const viaServices = TEAM_KEY_VIA_SERVICES.map((svc) => viaService(svc, s.region, s.partition));
    return {
        administrators: inputs.administrators,
        // By ARN condition rather than principal: the key is created before the roles (the
        // boundary and role policies name the key), and survives a role being recreated.
        viaServices,
        // Data inspectors (Macie) decrypt objects they classify; like every user, only through the services above.
        userArnPatterns: { accountId: s.accountId, patterns: [...executionRoleArns(s), delegatedRoleArnPattern(s), ...s.dataInspectorArns] },
        restrictToVpcEndpoints: inputs.kmsEndpointIds,
    };
}

export function teamKeyPolicy(s: TeamKeyScope, inputs: TeamKeyPolicyInputs): PolicyDocument {
    return keyPolicy(teamKeyPolicyArgs(s, inputs));
}
