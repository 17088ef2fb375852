/**
 * The broker's decision, without the Lambda around it: a valid, unused assertion of a user of the
 * team the request names becomes a presigned Studio URL opened as that user, through the team's
 * role, so the team's perimeter applies to the session (I1 own profile only, N8 through the VPC
 * endpoints, I7 and G2 images and instance types). Everything else is a Refusal and no URL.
 */
import { CreatePresignedDomainUrlCommand, SageMakerClient } from "@aws-sdk/client-sagemaker";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import { Refusal, validateAssertion } from "./assertion";
import { AssertionLedger } from "./ledger";
import { BrokerSettings } from "./settings";

export interface BrokerDeps {
    settings: BrokerSettings;
    ledger: AssertionLedger;
    sts: STSClient;
    /** A SageMaker client with the given credentials (the team role's session). */
    sageMaker: (credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string }) => SageMakerClient;
}

/** The session name of the team-role session: STS allows [\w+=,.@-]{2,64} (STS API reference, AssumeRole RoleSessionName). */
function sessionName(user: string): string {
    return `studio-broker-${user}`.slice(0, 64);
}

/** Opens Studio for the asserted user of `teamName`; throws a Refusal for every bad input. */
export async function presignedUrlFor(teamName: string, samlResponse: string, deps: BrokerDeps): Promise<string> {
    const { settings } = deps;
    const team = Object.hasOwn(settings.teams, teamName) ? settings.teams[teamName] : undefined;
    if (!team) throw new Refusal("unknown-team", `team "${teamName}" is not served by this broker`);
    const assertion = await validateAssertion(samlResponse, {
        idpCertificates: settings.idpCertificates,
        idpEntityId: settings.idpEntityId,
        audience: settings.audience,
        recipient: `${settings.recipientBase}/${teamName}`,
        clockSkewMs: settings.clockSkewMs,
    });
    if (!team.users.includes(assertion.user)) {
        const otherTeam = Object.entries(settings.teams).find(([, t]) => t.users.includes(assertion.user))?.[0];
        throw otherTeam
            ? new Refusal("other-team", `user "${assertion.user}" belongs to team ${otherTeam}, not ${teamName}`)
            : new Refusal("unknown-user", `user "${assertion.user}" is no user of any team`);
    }
    // Claimed after every other check, so a refused assertion does not burn its id; before any AWS call, so a replay opens nothing.
    if (!(await deps.ledger.claim(assertion.id, assertion.user, assertion.rememberUntilMs))) {
        throw new Refusal("replayed", `assertion ${assertion.id} was already used`);
    }
    const session = await deps.sts.send(
        new AssumeRoleCommand({
            RoleArn: team.roleArn,
            RoleSessionName: sessionName(assertion.user),
            // I1: the team role's trust admits only its users' tags, and the perimeter opens only the profile tagged with the same id.
            Tags: [{ Key: "studiouserid", Value: assertion.user }],
            // I5: CloudTrail names the user, not the broker.
            SourceIdentity: assertion.user,
            // The shortest session STS allows (AssumeRole DurationSeconds, 900-43200): it only creates the URL.
            DurationSeconds: 900,
        }),
    );
    const c = session.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken) throw new Error("SAML broker: AssumeRole returned no credentials");
    const result = await deps.sageMaker({ accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken }).send(
        new CreatePresignedDomainUrlCommand({
            DomainId: team.domainId,
            UserProfileName: assertion.user,
            ExpiresInSeconds: settings.urlExpirySeconds,
            SessionExpirationDurationInSeconds: settings.sessionExpirationSeconds,
        }),
    );
    if (!result.AuthorizedUrl) throw new Error("SAML broker: CreatePresignedDomainUrl returned no URL");
    return result.AuthorizedUrl;
}
