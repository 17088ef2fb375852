import { describe, expect, it } from "vitest";
import { samlBrokerRolePolicy } from "../../components/guardrails/samlBroker";

const ARGS = {
    region: "eu-central-1",
    teams: [
        { name: "fraud", roleArn: "arn:aws:iam::444444444444:role/fraud-ds", users: ["alice", "bob"] },
        { name: "churn-team", roleArn: "arn:aws:iam::444444444444:role/churn-ds", users: ["carol"] },
    ],
    ledgerTableArn: "arn:aws:dynamodb:eu-central-1:444444444444:table/broker-assertions",
    ledgerKeyArn: "arn:aws:kms:eu-central-1:444444444444:key/00000000-0000-0000-0000-000000000000",
};

describe("samlBrokerRolePolicy", () => {
    it("binds each team role to that team's users, for the session tag and the source identity; no sagemaker action", () => {
        const doc = samlBrokerRolePolicy(ARGS);
        const churn = doc.Statement.find((s) => s.Sid === "AssumeAsUserOfChurnTeam");
        expect(churn).toMatchObject({
            Resource: "arn:aws:iam::444444444444:role/churn-ds",
            Condition: { StringEquals: { "aws:RequestTag/studiouserid": ["carol"] } },
        });
        expect(doc.Statement.find((s) => s.Sid === "SourceIdentityIsUserOfFraud")?.Condition).toEqual({
            StringEquals: { "sts:SourceIdentity": ["alice", "bob"] },
        });
        expect(doc.Statement.flatMap((s) => [s.Action ?? []].flat()).filter((a) => a.startsWith("sagemaker:"))).toEqual([]);
    });
    it("refuses no team and a team without users", () => {
        expect(() => samlBrokerRolePolicy({ ...ARGS, teams: [] })).toThrow(/no team/);
        expect(() => samlBrokerRolePolicy({ ...ARGS, teams: [{ ...ARGS.teams[0], users: [] }] })).toThrow(/fraud have no users/);
    });
});

describe("the data-scientist role's trust of the broker (humanRoleTrustPolicy)", () => {
    it("adds the broker role, as the team's users only, with nothing but the studiouserid tag; none without a broker", async () => {
        const { humanRoleTrustPolicy } = await import("../../components/guardrails/teamTrust");
        const trust = { kind: "principals" as const, principalArns: ["arn:aws:iam::444444444444:role/corp-sso"], requireMfa: false };
        const broker = "arn:aws:iam::444444444444:role/acme-prod-saml-broker";
        const doc = humanRoleTrustPolicy({ trust, allowedUsers: ["alice", "bob"], samlBrokerRoleArn: broker });
        expect(doc.Statement.find((s) => s.Sid === "SamlBrokerSourceIdentityIsTheStudioUser")).toEqual({
            Sid: "SamlBrokerSourceIdentityIsTheStudioUser",
            Effect: "Allow",
            Principal: { AWS: broker },
            Action: "sts:SetSourceIdentity",
            Condition: { StringEquals: { "sts:SourceIdentity": ["alice", "bob"] } },
        });
        expect(doc.Statement.find((s) => s.Sid === "SamlBrokerAssumeAsStudioUser")?.Condition).toEqual({
            StringEquals: { "aws:RequestTag/studiouserid": ["alice", "bob"] },
            "ForAllValues:StringEquals": { "aws:TagKeys": ["studiouserid"] },
        });
        expect(humanRoleTrustPolicy({ trust, allowedUsers: ["alice"] }).Statement.map((s) => s.Sid)).not.toContain("SamlBrokerAssumeAsStudioUser");
    });
});
