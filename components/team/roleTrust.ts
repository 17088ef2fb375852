/**
 * Trust policies and descriptions of the team's roles (I3): the human roles trust the team's
 * federation and only the team's users (admins alone for the admin role), the execution roles
 * trust SageMaker. Pure.
 */
import { PolicyDocument } from "../guardrails/document";
import { HumanTrust, executionRoleTrustPolicy, humanRoleTrustPolicy } from "../guardrails/teamTrust";
import { ResolvedTeam } from "./defaults";
import { TeamRoleKind } from "./names";

export const TEAM_ROLE_DESCRIPTIONS: Record<TeamRoleKind, string> = {
    admin: "Team admin (human, federated): manages the team's SageMaker resources and delegated roles",
    scientist: "Data scientist (human, federated, studiouserid session tag): opens Studio",
    studio: "Execution role of the team's Studio user profiles",
    space: "Execution role of the team's shared space",
    training: "Execution role of the team's training jobs",
    processing: "Execution role of the team's processing jobs",
    hosting: "Execution role of the team's models and endpoints",
};

/** The team's federation as the human-role trust takes it; MFA is added for the admin role only. */
function federationTrust(team: ResolvedTeam): HumanTrust {
    return team.federation.samlProviderArn
        ? { kind: "saml", samlProviderArn: team.federation.samlProviderArn }
        : { kind: "principals", principalArns: team.federation.principalArns ?? [], requireMfa: false };
}

/**
 * Trust of one of the team's role kinds; `adminUsers` are the users who may be team admin.
 * `samlBrokerRoleArn`: the SAML broker's role when it serves the team; the data-scientist role trusts it too.
 */
export function teamRoleTrust(team: ResolvedTeam, kind: TeamRoleKind, adminUsers: string[], partition: string, samlBrokerRoleArn?: string): PolicyDocument {
    const trust = federationTrust(team);
    if (kind === "admin") {
        return humanRoleTrustPolicy({
            trust: trust.kind === "principals" ? { ...trust, requireMfa: team.federation.requireMfaForAdmin } : trust,
            allowedUsers: adminUsers,
        });
    }
    if (kind === "scientist") return humanRoleTrustPolicy({ trust, allowedUsers: team.users.map((u) => u.name), samlBrokerRoleArn });
    return executionRoleTrustPolicy({ partition, sourceIdentity: kind === "studio" || kind === "space" });
}

/** Trust of a per-user execution role: SageMaker, setting the user profile as source identity (I5). */
export function userRoleTrust(partition: string): PolicyDocument {
    return executionRoleTrustPolicy({ partition, sourceIdentity: true });
}
