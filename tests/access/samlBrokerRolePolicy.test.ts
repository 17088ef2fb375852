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
