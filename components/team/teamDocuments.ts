/** Every IAM document of a team, from its scope: what the tests and the IAM proofs read. Pure. */
import { PolicyDocument } from "../guardrails/document";
import { teamGuardrailPolicies, teamPermissionBoundary } from "../guardrails/teamBoundary";
import { teamRolePolicy } from "../guardrails/teamPolicies";
import { TeamDocumentScope } from "../guardrails/teamScope";
import { ResolvedTeam } from "./defaults";
import { TEAM_ROLE_KINDS } from "./names";
import { teamRoleTrust, userRoleTrust } from "./roleTrust";

/** A team's IAM documents, as built (trust and permission policies by role kind or `user:<name>`). */
export interface TeamDocuments {
    trust: Record<string, PolicyDocument>;
    permissions: Record<string, PolicyDocument>;
    boundary: PolicyDocument;
    guardrails: Record<"vpc-kms" | "cost-tags", PolicyDocument>;
    scope: TeamDocumentScope;
}

export function teamDocuments(s: TeamDocumentScope, team: ResolvedTeam, perUserRoleUsers: string[], samlBrokerRoleArn?: string): TeamDocuments {
    return {
        trust: Object.fromEntries([
            ...TEAM_ROLE_KINDS.map((k) => [k, teamRoleTrust(team, k, s.adminUsers, s.partition, samlBrokerRoleArn)]),
            ...perUserRoleUsers.map((u) => [`user:${u}`, userRoleTrust(s.partition)]),
        ]),
        permissions: Object.fromEntries([
            ...TEAM_ROLE_KINDS.map((k) => [k, teamRolePolicy(s, k)]),
            ...perUserRoleUsers.map((u) => [`user:${u}`, teamRolePolicy(s, "studio")]),
        ]),
        boundary: teamPermissionBoundary(s),
        guardrails: teamGuardrailPolicies(s),
        scope: s,
    };
}
