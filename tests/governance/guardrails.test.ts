/**
 * The governance documents: SCP packing and size (G8), tag policy (G1), permission sets (I3),
 * archive and detective documents (G4, G10). Every document passes the IAM catalogue check
 * (actions and condition keys exist, sizes fit).
 */
import { describe, expect, it } from "vitest";
import {
    PolicyDocument,
    SCP_MAX_CHARS,
    Statement,
    archiveBucketStatements,
    archiveKeyServiceUsers,
    baselineScpStatements,
    denyAuditTampering,
    detectiveRolePolicy,
    documentSize,
    eventsDeadLetterQueuePolicy,
    keyPolicy,
    packStatements,
    permissionSetPolicies,
    policyDocument,
    scpQuotaProblem,
    serviceTrustPolicy,
    tagPolicyDocument,
    tagPolicyJson,
    toPolicyJson,
    trailArn,
    trailLogsRolePolicy,
    workloadScpStatements,
    PERMISSION_SET_POLICY_MAX_CHARS,
} from "../../components/guardrails";
import { SECURE_STUDIO_DOMAIN_DEFAULTS } from "../../components/studio/defaults";
import { DocumentKind, lintDocuments } from "../../tools/iam/lint";

const PROD_TYPES = [
    "ml.t3.medium",
    "ml.t3.large",
    "ml.m5.large",
    "ml.m5.xlarge",
    "ml.m5.2xlarge",
    "ml.m5.4xlarge",
    "ml.g5.xlarge",
    "ml.g5.2xlarge",
    "ml.p4d.24xlarge",
];
const BREAK_GLASS = "arn:aws:iam::333333333333:role/security-break-glass";
const DEPLOYERS = ["arn:aws:iam::222222222222:role/secure-ds-deployer", "arn:aws:iam::444444444444:role/secure-ds-deployer"];
const TAMPER_SCOPE = { deployRoleArns: DEPLOYERS, namePrefix: "acme-prod" };

describe("SCPs (G8)", () => {
    const configs = { dev: SECURE_STUDIO_DOMAIN_DEFAULTS.allowedInstanceTypes, prod: PROD_TYPES };
    for (const [stack, types] of Object.entries(configs)) {
        it(`every ${stack} SCP document fits ${SCP_MAX_CHARS} characters`, () => {
            const docs = [
                ...packStatements("acme-baseline", baselineScpStatements([BREAK_GLASS], TAMPER_SCOPE)),
                ...packStatements("acme-workloads-sagemaker", workloadScpStatements(types)),
            ];
            for (const d of docs) {
                // The message names the document and its size when the limit is exceeded.
                expect(d.size, `${d.name} is ${d.size} characters`).toBeLessThanOrEqual(SCP_MAX_CHARS);
                expect(d.size).toBe(toPolicyJson(d.document).length);
            }
        });
    }

    it("the Workloads SCP carries the SageMaker controls from sagemaker.ts", () => {
        const sids = workloadScpStatements(PROD_TYPES).map((s) => s.Sid);
        expect(sids).toEqual(
            expect.arrayContaining([
                "DenyDomainWithoutVpcOnly",
                "DenyDomainWithoutSubnets",
                "DenyDomainWithoutSecurityGroups",
                "DenyDomainWithoutEfsKmsKey",
                "DenyDomainWithoutSharingKmsKey",
                "DenyJobsWithoutVpcSubnets",
                "DenyJobsWithoutVolumeKmsKey",
                "DenyJobsWithoutOutputKmsKey",
                "DenyNotebookDirectInternet",
                "DenyNotebookRootAccess",
                "DenyInstanceTypesOffAllowList",
            ]),
        );
        const allow = workloadScpStatements(PROD_TYPES).find((s) => s.Sid === "DenyInstanceTypesOffAllowList");
        expect(allow?.Condition).toEqual({ "ForAnyValue:StringNotLike": { "sagemaker:InstanceTypes": PROD_TYPES } });
    });

    it("splits statements that do not fit one document, losing none and keeping each under the limit", () => {
        const many = Array.from({ length: 120 }, (_, i) => `ml.x${i}.24xlarge`);
        const statements = workloadScpStatements(many);
        const docs = packStatements("big", statements);
        expect(docs.length).toBeGreaterThan(1);
        expect(docs.map((d) => d.name)).toEqual(docs.map((_, i) => `big-${i + 1}`));
        for (const d of docs) expect(d.size).toBeLessThanOrEqual(SCP_MAX_CHARS);
        expect(docs.flatMap((d) => d.document.Statement.map((s) => s.Sid)).sort()).toEqual(statements.map((s) => s.Sid).sort());
    });

    it("packs into as few documents as fit (first-fit decreasing)", () => {
        const filler = (sid: string, n: number): Statement => ({ Sid: sid, Effect: "Deny", Action: "s3:GetObject", Resource: `arn:aws:s3:::${"b".repeat(n)}` });
        const sized = (n: number) => documentSize(policyDocument([filler("X", n)]));
        // Three statements of ~60% of the limit need three documents; two of ~45% share one.
        const big = Math.floor(SCP_MAX_CHARS * 0.6) - (sized(0) - 0);
        expect(packStatements("p", [filler("A", big), filler("B", big), filler("C", big)])).toHaveLength(3);
        const half = Math.floor(SCP_MAX_CHARS * 0.45) - sized(0);
        expect(packStatements("p", [filler("A", half), filler("B", half)])).toHaveLength(1);
    });

    it("refuses a statement that alone exceeds the limit, naming it", () => {
        const huge: Statement = { Sid: "Huge", Effect: "Deny", Action: Array.from({ length: 400 }, (_, i) => `sagemaker:Create${i}Thing`), Resource: "*" };
        expect(() => packStatements("x", [huge])).toThrow(/statement Huge alone is \d+ characters, over the 5120-character limit/);
    });

    it("refuses duplicate Sids", () => {
        const s: Statement = { Sid: "Same", Effect: "Deny", Action: "s3:GetObject", Resource: "*" };
        expect(() => packStatements("x", [s, s])).toThrow(/Sid Same appears twice/);
    });

    it("reports the 5-SCPs-per-target quota with FullAWSAccess counted", () => {
        expect(scpQuotaProblem("Workloads", 4)).toBeUndefined();
        expect(scpQuotaProblem("Workloads", 5)).toMatch(
            /Workloads would carry 6 SCPs \(5 from secure-ds \+ 1 already attached, FullAWSAccess included\); AWS allows 5 per target/,
        );
        expect(scpQuotaProblem("Root", 2, 4)).toMatch(/Root would carry 6 SCPs/);
    });

    it("baseline: no leaving, no tampering except the break-glass role, no root user", () => {
        const baseline = baselineScpStatements([BREAK_GLASS]);
        const [leave, tamper] = baseline;
        const root = baseline[baseline.length - 1];
        expect(leave).toMatchObject({ Effect: "Deny", Action: "organizations:LeaveOrganization" });
        expect(tamper.Action).toEqual(
            expect.arrayContaining([
                "cloudtrail:StopLogging",
                "cloudtrail:DeleteTrail",
                "config:StopConfigurationRecorder",
                "config:DeleteConfigurationRecorder",
                "guardduty:DeleteDetector",
            ]),
        );
        expect(tamper.Condition).toEqual({ ArnNotLike: { "aws:PrincipalArn": [BREAK_GLASS] } });
        expect(root).toMatchObject({ Effect: "Deny", Action: "*", Condition: { ArnLike: { "aws:PrincipalArn": "arn:*:iam::*:root" } } });
        expect(() => denyAuditTampering(["arn:aws:iam::*:role/*"])).toThrow(/matches every role/);
        expect(denyAuditTampering([])[0].Condition).toBeUndefined();
    });

    it("tamper SCP (G11): update and disable calls too, platform log groups and the detective controls; deployers and the bound break-glass role exempt", () => {
        const [tamper, logs, detective, elsewhere] = denyAuditTampering([BREAK_GLASS], TAMPER_SCOPE);
        expect(tamper.Action).toEqual(
            expect.arrayContaining([
                "cloudtrail:UpdateTrail",
                "cloudtrail:PutEventSelectors",
                "config:PutConfigurationRecorder",
                "config:DeleteDeliveryChannel",
                "guardduty:UpdateDetector",
                "guardduty:DeleteDetector",
                "securityhub:DisableSecurityHub",
                "macie2:DisableMacie",
                "ec2:DeleteFlowLogs",
            ]),
        );
        const exempt = { ArnNotLike: { "aws:PrincipalArn": [BREAK_GLASS, ...DEPLOYERS] } };
        expect(tamper.Condition).toEqual(exempt);
        expect(logs).toMatchObject({ Sid: "DenyPlatformLogTampering", Condition: exempt });
        expect(logs.Action).toEqual(expect.arrayContaining(["logs:DeleteLogGroup", "logs:PutRetentionPolicy"]));
        expect(logs.Resource).toEqual(expect.arrayContaining(["arn:*:logs:*:*:log-group:/secure-ds/*", "arn:*:logs:*:*:log-group:/aws/lambda/acme-prod-*"]));
        expect(detective).toMatchObject({ Sid: "DenyDetectiveTampering", Condition: exempt });
        expect(detective.Action).toEqual(expect.arrayContaining(["events:DisableRule", "events:RemoveTargets", "lambda:UpdateFunctionCode"]));
        expect(detective.Resource).toEqual(["arn:*:events:*:*:rule/acme-prod-*", "arn:*:lambda:*:*:function:acme-prod-*"]);
        // The break-glass name is the security account's: nobody else creates or changes a role of that name.
        expect(elsewhere).toMatchObject({
            Sid: "DenyBreakGlassRoleElsewhere",
            Resource: ["arn:*:iam::*:role/security-break-glass", "arn:*:iam::*:role/*/security-break-glass"],
            Condition: { StringNotEquals: { "aws:ResourceAccount": ["333333333333"] } },
        });
        expect(elsewhere.Action).toEqual(expect.arrayContaining(["iam:CreateRole", "iam:UpdateAssumeRolePolicy", "iam:AttachRolePolicy", "iam:PutRolePolicy"]));
        expect(() => denyAuditTampering(["arn:aws:iam::*:role/security-break-glass"])).toThrow(/does not name one account/);
    });
});

describe("tag policy (G1)", () => {
    it("names every mandatory key with its casing and the allowed environments", () => {
        const doc = tagPolicyDocument(["team", "environment", "owner", "cost-center"], { environment: ["prod", "dev", "test", "dev"] });
        expect(doc.tags.environment).toEqual({ tag_key: { "@@assign": "environment" }, tag_value: { "@@assign": ["dev", "prod", "test"] } });
        expect(doc.tags["cost-center"]).toEqual({ tag_key: { "@@assign": "cost-center" } });
        expect(JSON.parse(tagPolicyJson(doc))).toEqual(doc);
        expect(() => tagPolicyDocument([])).toThrow(/at least one key/);
    });
});

describe("permission sets (I3)", () => {
    const docs = permissionSetPolicies({ partition: "aws", region: "eu-central-1", namePrefix: "acme-prod", allowedInstanceTypes: PROD_TYPES });
    it("creates the four personas of the multi-account foundations post, each within the inline-policy limit", () => {
        expect(Object.keys(docs).sort()).toEqual(["DataEngineer", "DataScientist", "MLEngineer", "TeamLead"]);
        for (const [name, doc] of Object.entries(docs)) expect(documentSize(doc), name).toBeLessThanOrEqual(PERMISSION_SET_POLICY_MAX_CHARS);
    });
    it("never grants AdministratorAccess-like wildcards and carries the guardrail denies", () => {
        for (const doc of Object.values(docs)) {
            for (const s of doc.Statement.filter((x) => x.Effect === "Allow")) {
                expect([s.Action].flat()).not.toContain("*");
                expect([s.Action].flat()).not.toContain("sagemaker:*");
            }
        }
        for (const name of ["DataScientist", "MLEngineer", "TeamLead"] as const) {
            const sids = docs[name].Statement.map((s) => s.Sid);
            expect(sids).toEqual(
                expect.arrayContaining([
                    "DenyJobsWithoutVpcSubnets",
                    "DenyJobsWithoutVolumeKmsKey",
                    "DenyUnencryptedInterContainerTraffic",
                    "DenyNotebookDirectInternet",
                    "DenyInstanceTypesOffAllowList",
                ]),
            );
        }
        const pass = docs.DataScientist.Statement.find((s) => s.Sid === "PassPlatformRolesToSageMaker");
        // The team roles' own path (components/team/names.ts), the caller's team only.
        expect(pass).toMatchObject({
            Resource: "arn:aws:iam::*:role/secure-ds/acme-prod/${aws:PrincipalTag/team}/*",
            Condition: { StringEquals: { "iam:PassedToService": "sagemaker.amazonaws.com" } },
        });
        expect(docs.DataEngineer.Statement.some((s) => [s.Action].flat().some((a) => String(a).startsWith("sagemaker:Create")))).toBe(false);
    });
    it("rejects an allow-list that makes a policy too large", () => {
        expect(() =>
            permissionSetPolicies({
                partition: "aws",
                region: "eu-central-1",
                namePrefix: "acme-prod",
                allowedInstanceTypes: Array.from({ length: 400 }, (_, i) => `ml.x${i}.large`),
            }),
        ).toThrow(/permission set \w+: inline policy is \d+ characters; the limit is 10240/);
    });
});

describe("audit archive documents (G4)", () => {
    const trails = [
        { accountId: "333333333333", trailArn: trailArn("aws", "eu-central-1", "333333333333", "acme-prod-audit-trail") },
        { accountId: "444444444444", trailArn: trailArn("aws", "eu-central-1", "444444444444", "acme-prod-audit-trail") },
    ];
    const statements = archiveBucketStatements({
        partition: "aws",
        bucketArn: "arn:aws:s3:::acme-prod-audit-333333333333",
        trails,
        configAccountIds: ["444444444444"],
    });
    it("admits CloudTrail only for the named trails, each account under its own prefix, with the workload account named", () => {
        const write = statements.find((s) => s.Sid === "CloudTrailWrite");
        expect(write).toMatchObject({
            Principal: { Service: "cloudtrail.amazonaws.com" },
            Resource: ["arn:aws:s3:::acme-prod-audit-333333333333/AWSLogs/333333333333/*", "arn:aws:s3:::acme-prod-audit-333333333333/AWSLogs/444444444444/*"],
            Condition: { StringEquals: { "aws:SourceArn": trails.map((t) => t.trailArn), "s3:x-amz-acl": "bucket-owner-full-control" } },
        });
        const config = statements.find((s) => s.Sid === "ConfigDelivery");
        expect(config).toMatchObject({
            Resource: ["arn:aws:s3:::acme-prod-audit-333333333333/AWSLogs/444444444444/Config/*"],
            Condition: { StringEquals: { "aws:SourceAccount": ["444444444444"] } },
        });
        expect(() => archiveBucketStatements({ partition: "aws", bucketArn: "arn:aws:s3:::b", trails: [], configAccountIds: [] })).toThrow(/admit nothing/);
    });
    it("the archive key admits CloudTrail by trail ARN and encryption context, Config by account", () => {
        const users = archiveKeyServiceUsers({ partition: "aws", region: "eu-central-1", trails, configAccountIds: ["444444444444"] });
        expect(users[0].conditions).toEqual({
            StringEquals: { "aws:SourceArn": trails.map((t) => t.trailArn) },
            StringLike: {
                "kms:EncryptionContext:aws:cloudtrail:arn": ["arn:aws:cloudtrail:*:333333333333:trail/*", "arn:aws:cloudtrail:*:444444444444:trail/*"],
            },
        });
        expect(users[2]).toMatchObject({ principal: "config.amazonaws.com", conditions: { StringEquals: { "aws:SourceAccount": ["444444444444"] } } });
    });
});

describe("IAM catalogue check of every governance document", () => {
    it("finds no unknown action, condition key, operator or size problem", async () => {
        const arn = (r: string) => `arn:aws:${r}`;
        const trails = [{ accountId: "444444444444", trailArn: trailArn("aws", "eu-central-1", "444444444444", "acme-prod-audit-trail") }];
        const docs: [string, DocumentKind, PolicyDocument][] = [
            ...packStatements("baseline", baselineScpStatements([BREAK_GLASS], TAMPER_SCOPE)).map(
                (d) => [d.name, "scp", d.document] as [string, DocumentKind, PolicyDocument],
            ),
            ...packStatements("workloads", workloadScpStatements(PROD_TYPES)).map((d) => [d.name, "scp", d.document] as [string, DocumentKind, PolicyDocument]),
            ...Object.entries(
                permissionSetPolicies({ partition: "aws", region: "eu-central-1", namePrefix: "acme-prod", allowedInstanceTypes: PROD_TYPES }),
            ).map(([n, d]) => [`permission set ${n}`, "inline", d] as [string, DocumentKind, PolicyDocument]),
            [
                "archive bucket",
                "s3-bucket",
                policyDocument(
                    archiveBucketStatements({
                        partition: "aws",
                        bucketArn: "arn:aws:s3:::acme-prod-audit-333333333333",
                        trails,
                        configAccountIds: ["444444444444"],
                    }),
                ),
            ],
            [
                "archive key",
                "kms-key",
                keyPolicy({
                    administrators: [arn("iam::333333333333:role/admin"), arn("iam::333333333333:role/break-glass")],
                    serviceUsers: archiveKeyServiceUsers({ partition: "aws", region: "eu-central-1", trails, configAccountIds: ["444444444444"] }),
                }),
            ],
            ["lambda trust", "trust", serviceTrustPolicy("lambda", "aws", "444444444444")],
            ["trail logs role", "inline", trailLogsRolePolicy(arn("logs:eu-central-1:444444444444:log-group:/aws/cloudtrail/acme-prod-audit-trail"))],
            [
                "detective role",
                "inline",
                detectiveRolePolicy({
                    partition: "aws",
                    region: "eu-central-1",
                    accountId: "444444444444",
                    topicArn: arn("sns:eu-central-1:444444444444:acme-prod-sagemaker-alerts"),
                    deadLetterQueueArn: arn("sqs:eu-central-1:444444444444:acme-prod-sagemaker-detective-dlq"),
                    kmsKeyArn: arn("kms:eu-central-1:444444444444:key/1234abcd-12ab-34cd-56ef-1234567890ab"),
                    logGroupArn: arn("logs:eu-central-1:444444444444:log-group:/aws/lambda/acme-prod-sagemaker-detective"),
                }),
            ],
            [
                "dead-letter queue",
                "sqs-queue",
                eventsDeadLetterQueuePolicy("aws", arn("sqs:eu-central-1:444444444444:q"), arn("events:eu-central-1:444444444444:rule/r")),
            ],
        ];
        const findings = await lintDocuments(docs.map(([label, kind, doc]) => ({ label, kind, raw: toPolicyJson(doc) })));
        expect(findings.map((f) => `${f.document} ${f.statement ?? ""} [${f.code}] ${f.message}`)).toEqual([]);
    });
});
