/**
 * The IAM catalogue check itself: each class of mistake, including every typo the source documents carry,
 * is caught, and correct documents (templated keys, global keys, policy variables) are not flagged.
 */
import { describe, expect, it } from "vitest";
import {
    domainGuardrails,
    instanceTypeGuardrails,
    interContainerEncryptionGuardrails,
    jobGuardrails,
    keyPolicy,
    maxRuntimeGuardrails,
    networkIsolationGuardrails,
    notebookInstanceGuardrails,
    policyDocument,
    requestTagGuardrails,
    denyInsecureTransport,
    denyOutsideNetwork,
    denyWrongEncryption,
    Statement,
} from "../../components/guardrails";
import { DocumentKind, FindingCode, LintFinding, arnProblem, formatFindings, lintDocument, lintDocuments, parseOperator } from "../../tools/iam/lint";
import {
    denyUnencryptedUploadsMiscased,
    lockDownStudioDomainWithSpace,
    monitoringEncryptionDeprecated,
    networkIsolationMiscased,
} from "./fixtures/seedDocuments";

const lint = (doc: unknown, kind: DocumentKind = "managed", raw?: string): Promise<LintFinding[]> =>
    lintDocument({ label: `test ${kind}`, kind, raw: raw ?? JSON.stringify(doc) });

const codes = (findings: LintFinding[]): FindingCode[] => findings.map((f) => f.code);

const identity = (statement: Record<string, unknown>) => ({ Version: "2012-10-17", Statement: [{ Effect: "Deny", Resource: "*", ...statement }] });

describe("the source documents' typos are caught", () => {
    it('"sagemaker: VpcSubnets" with a space', async () => {
        const f = await lint(lockDownStudioDomainWithSpace, "scp");
        expect(codes(f)).toEqual(["unknown-condition-key"]);
        expect(f[0].statement).toBe("LockDownStudioDomain (#0)");
        expect(f[0].message).toContain('"sagemaker: VpcSubnets"');
        expect(f[0].fix).toContain('"sagemaker:VpcSubnets"');
    });

    it("Sagemaker:NetworkIsolation (mis-cased prefix)", async () => {
        const f = await lint(networkIsolationMiscased, "scp");
        expect(codes(f)).toEqual(["condition-key-case"]);
        expect(f[0].fix).toBe('write "sagemaker:NetworkIsolation"');
    });

    it("S3:x-amz-server-side-encryption (mis-cased prefix)", async () => {
        const f = await lint(denyUnencryptedUploadsMiscased, "s3-bucket");
        expect(codes(f)).toEqual(["condition-key-case"]);
        expect(f[0].fix).toBe('write "s3:x-amz-server-side-encryption"');
    });

    it("deprecated sagemaker:VolumeKmsKey and sagemaker:OutputKmsKey, with their replacements", async () => {
        const f = await lint(monitoringEncryptionDeprecated, "managed");
        // The catalogue no longer lists the deprecated keys against any action: flagged twice each.
        expect(codes(f)).toEqual(["deprecated-condition-key", "condition-key-not-applicable", "deprecated-condition-key", "condition-key-not-applicable"]);
        expect(f[0].fix).toBe('use "sagemaker:VolumeKmsKeyArn"');
        expect(f[2].fix).toBe('use "sagemaker:OutputKmsKeyArn"');
    });

    it("the deprecated home EFS key the source documents use for E1", async () => {
        const f = await lint(identity({ Action: "sagemaker:CreateDomain", Condition: { Null: { "sagemaker:HomeEfsFileSystemKmsKey": "true" } } }));
        expect(codes(f)).toEqual(["deprecated-condition-key", "condition-key-not-applicable"]);
        expect(f[0].fix).toBe('use "sagemaker:VolumeKmsKeyArn"');
    });
});

describe("actions", () => {
    it("an unknown action, with a suggestion", async () => {
        const f = await lint(identity({ Action: "sagemaker:CreateTrainingJobs" }));
        expect(codes(f)).toEqual(["unknown-action"]);
        expect(f[0].fix).toContain("sagemaker:CreateTrainingJob");
    });

    it("an unknown service prefix", async () => {
        expect(codes(await lint(identity({ Action: "sagemake:CreateDomain" })))).toEqual(["unknown-service"]);
    });

    it("a wildcard that matches nothing", async () => {
        const f = await lint(identity({ Action: ["sagemaker:Crate*", "kms:ReEncrypt*"] }));
        expect(codes(f)).toEqual(["wildcard-matches-nothing"]);
        expect(f[0].message).toContain("sagemaker:Crate*");
    });

    it("a mis-cased action and an action with whitespace", async () => {
        expect(codes(await lint(identity({ Action: "sagemaker:createDomain" })))).toEqual(["action-case"]);
        expect(codes(await lint(identity({ Action: "sagemaker: CreateDomain" })))).toEqual(["unknown-action"]);
    });
});

describe("condition keys", () => {
    it("an unknown key", async () => {
        expect(codes(await lint(identity({ Action: "sagemaker:CreateDomain", Condition: { Null: { "sagemaker:VpcSubnet": "true" } } })))).toEqual([
            "unknown-condition-key",
        ]);
    });

    it("OIDC provider keys (<host>:aud, :sub) pass; a misspelled claim does not", async () => {
        const trust = (key: string) =>
            JSON.stringify({
                Version: "2012-10-17",
                Statement: [
                    {
                        Effect: "Allow",
                        Principal: { Federated: "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com" },
                        Action: "sts:AssumeRoleWithWebIdentity",
                        Condition: { StringEquals: { [key]: "repo:acme/secure-ds:pull_request" } },
                    },
                ],
            });
        const run = async (key: string) => codes(await lintDocuments([{ label: "t", kind: "trust", raw: trust(key) }]));
        expect(await run("token.actions.githubusercontent.com:sub")).toEqual([]);
        expect(await run("token.actions.githubusercontent.com:aud")).toEqual([]);
        expect(await run("token.actions.githubusercontent.com:subject")).toEqual(["unknown-condition-key"]);
    });

    it("a key none of the statement's actions supports", async () => {
        const f = await lint(identity({ Action: "sagemaker:CreatePresignedDomainUrl", Condition: { Null: { "sagemaker:VpcSubnets": "true" } } }));
        expect(codes(f)).toEqual(["condition-key-not-applicable"]);
    });

    it("a Deny on a key that some of its actions never send blocks them outright", async () => {
        // CreateTransformJob has no VPC keys: its network comes from the model.
        const f = await lint(
            identity({ Action: ["sagemaker:CreateTrainingJob", "sagemaker:CreateTransformJob"], Condition: { Null: { "sagemaker:VpcSubnets": "true" } } }),
        );
        expect(codes(f)).toEqual(["deny-always-applies"]);
        expect(f[0].message).toContain("sagemaker:CreateTransformJob");
        // IfExists makes an absent key match too: still blocked outright.
        const ifExists = await lint(
            identity({
                Action: ["sagemaker:CreateTrainingJob", "sagemaker:CreateTransformJob"],
                Condition: { StringNotEqualsIfExists: { "sagemaker:VolumeKmsKeyArn": "arn:aws:kms:eu-west-1:111111111111:key/k" } },
            }),
        );
        expect(codes(ifExists)).toEqual([]); // both actions send VolumeKmsKeyArn
        const ifExistsVpc = await lint(
            identity({
                Action: ["sagemaker:CreateTrainingJob", "sagemaker:CreateTransformJob"],
                Condition: { "ForAllValues:StringNotEquals": { "sagemaker:VpcSubnets": ["subnet-1"] } },
            }),
        );
        expect(codes(ifExistsVpc)).toEqual(["deny-always-applies"]);
        // ForAnyValue is false on an absent key: nothing is blocked outright.
        const ok = await lint(
            identity({
                Action: ["sagemaker:CreateTrainingJob", "sagemaker:CreateTransformJob"],
                Condition: { "ForAnyValue:StringNotEquals": { "sagemaker:VpcSubnets": ["subnet-1"] } },
            }),
        );
        expect(ok).toEqual([]);
    });

    it("templated, resource-type and global keys are recognised", async () => {
        const doc = {
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "OwnProfileOnly",
                    Effect: "Allow",
                    Action: "sagemaker:CreatePresignedDomainUrl",
                    Resource: "arn:aws:sagemaker:eu-west-1:111111111111:user-profile/d-abc/*",
                    Condition: {
                        StringEquals: { "sagemaker:ResourceTag/studiouserid": "${aws:PrincipalTag/studiouserid}" },
                        IpAddress: { "aws:SourceIp": ["203.0.113.0/24"] },
                    },
                },
                {
                    Sid: "TaggedCreate",
                    Effect: "Deny",
                    Action: "sagemaker:CreateTrainingJob",
                    Resource: "*",
                    Condition: { Null: { "aws:RequestTag/team": "true" }, "ForAnyValue:StringNotLike": { "sagemaker:InstanceTypes": ["ml.m5.*"] } },
                },
                {
                    Sid: "PassOnlyToSageMaker",
                    Effect: "Allow",
                    Action: "iam:PassRole",
                    Resource: "arn:aws:iam::111111111111:role/team-*",
                    Condition: { StringEquals: { "iam:PassedToService": "sagemaker.amazonaws.com" } },
                },
            ],
        };
        expect(await lint(doc)).toEqual([]);
        const logs = keyPolicy({
            administrators: ["arn:aws:iam::111111111111:role/admin", "arn:aws:iam::111111111111:role/break-glass"],
            serviceUsers: [
                {
                    sid: "Logs",
                    principal: "logs.eu-west-1.amazonaws.com",
                    conditions: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:eu-west-1:111111111111:log-group:*" } },
                },
            ],
        });
        expect(await lint(logs, "kms-key")).toEqual([]);
    });
});

describe("operators and values", () => {
    it.each(["StringEqualsIfExist", "ForAnyValues:StringLike", "NullIfExists", "ForAllValues:Null", "StringEqual", "stringequals"])(
        "rejects %s",
        async (op) => {
            const f = await lint(identity({ Action: "sagemaker:CreateDomain", Condition: { [op]: { "sagemaker:AppNetworkAccessType": "VpcOnly" } } }));
            expect(codes(f)).toContain("unknown-operator");
        },
    );

    it("accepts the IfExists and set forms", () => {
        expect(parseOperator("ForAnyValue:StringNotLikeIfExists")).toEqual({ base: "StringNotLike", family: "String", ifExists: true, set: "ForAnyValue" });
        expect(parseOperator("BoolIfExists")?.family).toBe("Bool");
        expect(parseOperator("Null")?.family).toBe("Null");
    });

    it("operator of the wrong type, and values that cannot match", async () => {
        expect(codes(await lint(identity({ Action: "s3:GetObject", Condition: { Bool: { "aws:SourceVpce": "true" } } })))).toEqual(["operator-type-mismatch"]);
        expect(codes(await lint(identity({ Action: "sagemaker:CreateDomain", Condition: { Null: { "sagemaker:VpcSubnets": "yes" } } })))).toEqual([
            "bad-condition-value",
        ]);
        expect(
            codes(
                await lint(identity({ Action: "sagemaker:CreateTrainingJob", Condition: { NumericGreaterThan: { "sagemaker:MaxRuntimeInSeconds": "1h" } } })),
            ),
        ).toEqual(["bad-condition-value"]);
    });

    it("multivalued keys need a set operator; single-valued keys must not have one", async () => {
        expect(codes(await lint(identity({ Action: "sagemaker:CreateApp", Condition: { StringNotLike: { "sagemaker:InstanceTypes": "ml.t3.*" } } })))).toEqual([
            "set-operator",
        ]);
        const f = await lint(identity({ Action: "s3:GetObject", Condition: { "ForAllValues:StringEquals": { "aws:SourceVpce": "vpce-1" } } }));
        expect(codes(f)).toEqual(["set-operator"]);
        expect(f[0].message).toContain("absent");
    });
});

describe("ARNs, principals and structure", () => {
    it("malformed ARNs", async () => {
        expect(arnProblem("arn:aws:s3::bucket")).toContain("fewer than 6");
        expect(arnProblem("arn:aws:iam::1234:role/x")).toContain("12-digit");
        expect(arnProblem("arn:aws:kms:eu-west-1:111111111111:key/*")).toBe("");
        expect(arnProblem("arn:${aws:partition}:s3:::b/${aws:PrincipalTag/team}/*")).toBe("");
        expect(codes(await lint(identity({ Action: "s3:GetObject", Resource: "bucket/*" })))).toEqual(["bad-arn"]);
        expect(codes(await lint(identity({ Action: "s3:GetObject", Condition: { ArnLike: { "aws:PrincipalArn": "arn:aws:iam:role/x" } } })))).toEqual([
            "bad-arn",
        ]);
    });

    it("principals", async () => {
        const doc = (principal: unknown) => ({
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Principal: principal, Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" }],
        });
        expect(await lint(doc({ AWS: "arn:aws:iam::111111111111:role/r", Service: "sagemaker.amazonaws.com" }), "s3-bucket")).toEqual([]);
        expect(codes(await lint(doc({ AWS: "arn:aws:iam::1111:role/r" }), "s3-bucket"))).toEqual(["bad-principal"]);
        expect(codes(await lint(doc({ Service: "sagemaker" }), "s3-bucket"))).toEqual(["bad-principal"]);
        expect(codes(await lint(doc({ Role: "x" }), "s3-bucket"))).toEqual(["bad-principal"]);
    });

    it("Principal belongs in resource policies only", async () => {
        const withPrincipal = { Version: "2012-10-17", Statement: [{ Effect: "Deny", Principal: "*", Action: "s3:*", Resource: "*" }] };
        expect(codes(await lint(withPrincipal, "scp"))).toEqual(["structure"]);
        const without = { Version: "2012-10-17", Statement: [{ Effect: "Deny", Action: "s3:*", Resource: "*" }] };
        expect(codes(await lint(without, "s3-bucket"))).toEqual(["structure"]);
    });

    it("Version, Effect, JSON", async () => {
        expect(codes(await lint({ Statement: [{ Effect: "Deny", Action: "s3:*", Resource: "*" }] }))).toEqual(["structure"]);
        expect(codes(await lint(identity({ Effect: "deny", Action: "s3:*" })))).toEqual(["structure"]);
        expect(codes(await lint(undefined, "managed", '{"Version": "2012-10-17", "Statement": [}'))).toEqual(["json"]);
    });
});

describe("size limits, counted as AWS counts", () => {
    // n statements of the instance-type guardrail, each ~620 characters compact (~1,100 pretty).
    const big = (n: number) => policyDocument(Array.from({ length: n }, (_, i) => ({ ...instanceTypeGuardrails([`ml.m5.${i}xlarge`])[0], Sid: `S${i}` })));

    it("an oversized SCP; whitespace counts for SCPs saved through the API", async () => {
        const oversized = big(9);
        expect(JSON.stringify(oversized).length).toBeGreaterThan(5120);
        expect(codes(await lint(oversized, "scp"))).toEqual(["size"]);
        const fits = big(8);
        const compact = JSON.stringify(fits);
        const pretty = JSON.stringify(fits, null, 4);
        expect(compact.length).toBeLessThanOrEqual(5120);
        expect(pretty.length).toBeGreaterThan(5120);
        expect(await lint(fits, "scp", compact)).toEqual([]);
        const f = await lint(fits, "scp", pretty);
        expect(codes(f)).toEqual(["size"]);
        expect(f[0].message).toContain("5120");
    });

    it("IAM managed policies do not count whitespace", async () => {
        const fits = big(8);
        const pretty = JSON.stringify(fits, null, 4);
        expect(pretty.length).toBeGreaterThan(6144);
        expect(pretty.replace(/\s/g, "").length).toBeLessThanOrEqual(6144);
        expect(await lint(fits, "managed", pretty)).toEqual([]);
        expect(codes(await lint(big(11), "managed"))).toEqual(["size"]);
    });

    it("inline policies are limited in aggregate per role", async () => {
        const part = JSON.stringify(big(9));
        expect(part.length).toBeLessThan(10240);
        const findings = await lintDocuments([
            { label: "p1", kind: "inline", raw: part, aggregateKey: "role team-fraud-exec" },
            { label: "p2", kind: "inline", raw: part, aggregateKey: "role team-fraud-exec" },
            { label: "p3", kind: "inline", raw: part, aggregateKey: "role other" },
        ]);
        expect(findings.map((f) => [f.code, f.document])).toEqual([["size", "inline policies of role team-fraud-exec"]]);
    });

    it("trust policies, key policies and bucket policies", async () => {
        const trust = (n: number) => ({
            Version: "2012-10-17",
            Statement: Array.from({ length: n }, (_, i) => ({
                Effect: "Allow",
                Principal: { AWS: `arn:aws:iam::111111111111:role/some-long-role-name-${i}` },
                Action: "sts:AssumeRole",
            })),
        });
        expect(await lint(trust(10), "trust")).toEqual([]);
        expect(codes(await lint(trust(30), "trust"))).toEqual(["size"]);
        expect(codes(await lint(big(60), "kms-key", JSON.stringify(big(60)).replace(/"Effect"/g, '"Principal":"*","Effect"')))).toEqual(["size"]);
        const bucket = (n: number) =>
            policyDocument(Array.from({ length: n }, (_, i) => ({ ...denyInsecureTransport(`arn:aws:s3:::bucket-${i}`), Sid: `T${i}` })));
        expect(await lint(bucket(20), "s3-bucket")).toEqual([]);
        expect(codes(await lint(bucket(120), "s3-bucket"))).toEqual(["size"]);
    });
});

describe("the guardrail builders lint clean", () => {
    const groups: Record<string, Statement[]> = {
        domain: domainGuardrails(),
        jobs: jobGuardrails({ subnetIds: ["subnet-0a"], securityGroupIds: ["sg-0a"], kmsKeyArns: ["arn:aws:kms:eu-west-1:111111111111:key/k"] }),
        interContainer: interContainerEncryptionGuardrails(),
        networkIsolation: networkIsolationGuardrails(),
        notebooks: notebookInstanceGuardrails(),
        instanceTypes: instanceTypeGuardrails(["ml.t3.*", "ml.m5.large"]),
        maxRuntime: maxRuntimeGuardrails(86400),
        tags: requestTagGuardrails(["team", "environment", "owner", "cost-center"]),
    };
    it.each(Object.keys(groups))("%s", async (name) => {
        const findings = await lint(policyDocument(groups[name]), "managed");
        expect(findings, formatFindings(findings)).toEqual([]);
    });

    it("bucket statements", async () => {
        const b = "arn:aws:s3:::acme-dev-fraud-data";
        const doc = policyDocument([
            denyInsecureTransport(b),
            ...denyWrongEncryption(b, "arn:aws:kms:eu-west-1:111111111111:key/k"),
            denyOutsideNetwork(b, { vpcEndpointIds: ["vpce-0a"], vpcIds: ["vpc-0a"], exemptPrincipalArns: ["arn:aws:iam::111111111111:role/publisher"] }),
        ]);
        const findings = await lint(doc, "s3-bucket");
        expect(findings, formatFindings(findings)).toEqual([]);
    });
});

describe("report format", () => {
    it("names the document, the statement and the fix", async () => {
        const findings = await lintDocuments([
            { label: "aws:iam/policy:Policy team-fraud-boundary (policy)", kind: "managed", raw: JSON.stringify(networkIsolationMiscased) },
        ]);
        expect(formatFindings(findings)).toBe(
            [
                "IAM catalogue check: 1 finding(s)",
                "- [condition-key-case] aws:iam/policy:Policy team-fraud-boundary (policy), statement RequireNetworkIsolation (#0)",
                '    Bool "Sagemaker:NetworkIsolation": the catalogue spells this key "sagemaker:NetworkIsolation" (AWS compares key names case-insensitively, but a mis-cased key is how typos look)',
                '    fix: write "sagemaker:NetworkIsolation"',
            ].join("\n"),
        );
    });
});
