/**
 * The SAML presigned-URL broker's role policy (I1, I5). The broker never opens Studio
 * with its own permissions: it has no sagemaker action at all. It may only assume a team's
 * data-scientist role tagged `studiouserid` = one of that team's users and with the same user as
 * source identity, so a URL it creates is the asserted user's, bound by the team's perimeter
 * (studioAccess.ts: own profile only, through the platform's VPC endpoints). One statement pair per
 * team: a tag naming a user of another team matches no statement of the role it asks for.
 */
import { PolicyDocument, Statement, policyDocument } from "./document";
import { STUDIO_USER_TAG } from "./studioAccess";

export interface SamlBrokerRolePolicyArgs {
    region: string;
    /** The teams the broker serves: the data-scientist role and its users (user profile names). At least one, each with users. */
    teams: { name: string; roleArn: string; users: string[] }[];
    /** The DynamoDB table of used assertion ids and its customer key. */
    ledgerTableArn: string;
    ledgerKeyArn: string;
}

/** `Fraud-Team_1` → `FraudTeam1`: statement ids allow only letters and digits. */
const sidPart = (name: string) =>
    name
        .split(/[^A-Za-z0-9]+/)
        .filter(Boolean)
        .map((p) => p[0].toUpperCase() + p.slice(1))
        .join("");

export function samlBrokerRolePolicy(args: SamlBrokerRolePolicyArgs): PolicyDocument {
    if (args.teams.length === 0) throw new Error("samlBrokerRolePolicy: no team; the broker would serve nobody.");
    const empty = args.teams.filter((t) => t.users.length === 0).map((t) => t.name);
    if (empty.length > 0) throw new Error(`samlBrokerRolePolicy: team(s) ${empty.join(", ")} have no users; the broker cannot assert anyone there.`);
    const perTeam: Statement[] = args.teams.flatMap((t): Statement[] => [
        {
            Sid: `AssumeAsUserOf${sidPart(t.name)}`,
            Effect: "Allow",
            Action: ["sts:AssumeRole", "sts:TagSession"],
            Resource: t.roleArn,
            // I1: the only session tag is studiouserid, and it names a user of this team.
            Condition: {
                StringEquals: { [`aws:RequestTag/${STUDIO_USER_TAG}`]: t.users },
                "ForAllValues:StringEquals": { "aws:TagKeys": [STUDIO_USER_TAG] },
            },
        },
        {
            // I5: CloudTrail names the user; the broker cannot name anyone else.
            Sid: `SourceIdentityIsUserOf${sidPart(t.name)}`,
            Effect: "Allow",
            Action: "sts:SetSourceIdentity",
            Resource: t.roleArn,
            Condition: { StringEquals: { "sts:SourceIdentity": t.users } },
        },
    ]);
    return policyDocument([
        ...perTeam,
        {
            // One-time use of assertions: a conditional put only; the broker never reads or deletes an id.
            Sid: "ClaimAssertionIds",
            Effect: "Allow",
            Action: "dynamodb:PutItem",
            Resource: args.ledgerTableArn,
        },
        {
            Sid: "LedgerKeyThroughDynamoDbOnly",
            Effect: "Allow",
            Action: ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey"],
            Resource: args.ledgerKeyArn,
            Condition: { StringEquals: { "kms:ViaService": `dynamodb.${args.region}.amazonaws.com` } },
        },
    ]);
}
