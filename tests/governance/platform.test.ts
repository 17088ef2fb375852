/**
 * Governance wired into the platform, under the mock engine with the example stacks: the
 * organization layer (prod), the audit trail and its cross-account delivery, detective controls,
 * AWS Config and the security services.
 */
import { describe, expect, it } from "vitest";
import { MANAGED_RULES } from "../../components/governance/ConfigRecorder";
import { OrganizationGuardrails } from "../../components/governance/OrganizationGuardrails";
import { WATCHED_EVENTS } from "../../components/governance/detective/events";
import { PolicyDocument, SCP_MAX_CHARS } from "../../components/guardrails";
import { PlatformConfigError, parsePlatformConfig } from "../../stacks/config";
import { RunResult, runWithMocks } from "../../plan/engine";
import { PlanResource } from "../../plan/types";
import { runPlatform } from "../../plan/platformRun";
import { readStackConfigFile, stackConfigPath } from "../../plan/stackConfig";
import { loadOrganizationPlan, loadStackPlan } from "../harness/stackPlans";

const ofType = (r: RunResult, type: string, account?: string) => r.resources.filter((x) => x.type === type && (account === undefined || x.account === account));
const one = (r: RunResult, type: string, name: string): PlanResource => {
    const found = r.resources.filter((x) => x.type === type && x.name === name);
    expect(found, `${type} ${name}`).toHaveLength(1);
    return found[0];
};
const doc = (raw: unknown): PolicyDocument => JSON.parse(String(raw));
const dependsOnResource = (_r: RunResult, res: PlanResource, prop: string, target: PlanResource) => (res.propertyDependencies[prop] ?? []).includes(target.urn);

// The example stacks' plans (built once per run); the tests that change the config run the program.
// prod's organisation: the management, log-archive and shared-services stacks with the workload stack.
const prod: RunResult = loadOrganizationPlan();
const dev: RunResult = loadStackPlan("dev");

describe("organization layer (prod, management account 222222222222)", () => {
    it("creates the OU tree of the multi-account foundations post under the configured root", () => {
        const ous = ofType(prod, "aws:organizations/organizationalUnit:OrganizationalUnit", "222222222222");
        expect(ous.map((o) => o.inputs.name).sort()).toEqual(["Deployments", "Dev", "Infrastructure", "Prod", "Sandbox", "Security", "Test", "Workloads"]);
        const workloads = ous.find((o) => o.inputs.name === "Workloads") as PlanResource;
        expect(workloads.inputs.parentId).toBe("r-a1b2");
        for (const child of ous.filter((o) => ["Dev", "Test", "Prod"].includes(String(o.inputs.name)))) {
            expect(dependsOnResource(prod, child, "parentId", workloads)).toBe(true);
        }
    });

    it("attaches the SageMaker SCP to Workloads and the baseline to the root, each under the size limit", () => {
        const scps = ofType(prod, "aws:organizations/policy:Policy").filter((p) => p.inputs.type === "SERVICE_CONTROL_POLICY");
        expect(scps.map((p) => p.inputs.name).sort()).toEqual(["acme-prod-baseline-1", "acme-prod-workloads-sagemaker-1"]);
        for (const p of scps) expect(String(p.inputs.content).length, `${p.inputs.name}`).toBeLessThanOrEqual(SCP_MAX_CHARS);
        const attachments = ofType(prod, "aws:organizations/policyAttachment:PolicyAttachment");
        const workloadsOu = ofType(prod, "aws:organizations/organizationalUnit:OrganizationalUnit").find((o) => o.inputs.name === "Workloads") as PlanResource;
        const sagemakerScp = scps.find((p) => p.inputs.name === "acme-prod-workloads-sagemaker-1") as PlanResource;
        // Attached to the Workloads OU, and to the placed workload account itself (attachScpsToPlacedAccounts).
        const sagemakerAttachments = attachments.filter((a) => dependsOnResource(prod, a, "policyId", sagemakerScp));
        expect(sagemakerAttachments).toHaveLength(2);
        expect(sagemakerAttachments.filter((a) => dependsOnResource(prod, a, "targetId", workloadsOu))).toHaveLength(1);
        expect(sagemakerAttachments.filter((a) => a.inputs.targetId === "444444444444")).toHaveLength(1);
        const baseline = scps.find((p) => p.inputs.name === "acme-prod-baseline-1") as PlanResource;
        expect(attachments.find((a) => dependsOnResource(prod, a, "policyId", baseline))?.inputs.targetId).toBe("r-a1b2");
        // Jobs: the management stack's ceiling (every type the workload stacks allow); Studio apps and spaces: the Studio list only (G2).
        const statement = (sid: string) => doc(sagemakerScp.inputs.content).Statement.find((s) => s.Sid === sid);
        expect(statement("DenyJobInstanceTypesOffAllowList")?.Condition?.["ForAnyValue:StringNotLike"]["sagemaker:InstanceTypes"]).toEqual(
            expect.arrayContaining(["ml.t3.medium", "ml.g5.xlarge", "ml.p4d.24xlarge"]),
        );
        const apps = statement("DenyAppInstanceTypesOffAllowList")?.Condition?.["ForAnyValue:StringNotLike"]["sagemaker:InstanceTypes"];
        expect(apps).toContain("ml.g5.xlarge");
        expect(apps).not.toContain("ml.p4d.24xlarge");
        const tamper = doc(baseline.inputs.content).Statement.find((s) => s.Sid === "DenyAuditServiceTampering");
        // The break-glass role bound to the security account, and the layers' deploy roles.
        expect(tamper?.Condition).toEqual({
            ArnNotLike: {
                "aws:PrincipalArn": [
                    "arn:aws:iam::555555555555:role/security-break-glass",
                    "arn:aws:iam::222222222222:role/secure-ds-deployer",
                    "arn:aws:iam::555555555555:role/secure-ds-deployer",
                    "arn:aws:iam::333333333333:role/secure-ds-deployer",
                    "arn:aws:iam::444444444444:role/secure-ds-deployer",
                    "arn:aws:iam::666666666666:role/secure-ds-deployer",
                ],
            },
        });
    });

    it("creates the mandatory-tags tag policy on the root", () => {
        const tag = ofType(prod, "aws:organizations/policy:Policy").find((p) => p.inputs.type === "TAG_POLICY") as PlanResource;
        expect(Object.keys(JSON.parse(String(tag.inputs.content)).tags)).toEqual(["team", "environment", "owner", "cost-center"]);
        expect(
            ofType(prod, "aws:organizations/policyAttachment:PolicyAttachment").find((a) => dependsOnResource(prod, a, "policyId", tag))?.inputs.targetId,
        ).toBe("r-a1b2");
    });

    it("creates the four permission sets with inline policies in the Identity Center instance", () => {
        const sets = ofType(prod, "aws:ssoadmin/permissionSet:PermissionSet");
        expect(sets.map((s) => s.inputs.name).sort()).toEqual(["DataEngineer", "DataScientist", "MLEngineer", "TeamLead"]);
        for (const s of sets) expect(s.inputs).toMatchObject({ instanceArn: "arn:aws:sso:::instance/ssoins-1234567890abcdef", sessionDuration: "PT4H" });
        const policies = ofType(prod, "aws:ssoadmin/permissionSetInlinePolicy:PermissionSetInlinePolicy");
        expect(policies).toHaveLength(4);
        for (const p of policies) expect(doc(p.inputs.inlinePolicy).Statement.length).toBeGreaterThan(3);
    });

    it("publishes the organization plan with placement instructions, the placed workload account carrying its OU's SCPs already", () => {
        const plan = loadStackPlan("management").outputs.organizationPlan as {
            placement: { accountId: string; ou: string; destinationOuId: string; attachedScps: string[] }[];
            scpsPerTarget: Record<string, string>;
        };
        expect(plan.placement.map((p) => [p.accountId, p.ou, p.attachedScps])).toEqual([
            ["555555555555", "Security", []],
            ["333333333333", "Infrastructure", []],
            ["666666666666", "Infrastructure", []],
            ["444444444444", "Workloads/Prod", ["acme-prod-workloads-sagemaker-1"]],
        ]);
        expect(plan.placement[3].destinationOuId).toMatch(/^ou-/);
        expect(plan.scpsPerTarget).toEqual({
            Root: "2 of 5 (FullAWSAccess included)",
            Workloads: "2 of 5 (FullAWSAccess included)",
            "444444444444": "2 of 5 (FullAWSAccess included)",
        });
        expect(ofType(prod, "aws:organizations/account:Account")).toHaveLength(0);
    });

    it("dev has no management account and no organization resources", () => {
        expect(dev.resources.filter((r) => r.type.startsWith("aws:organizations/") || r.type.startsWith("aws:ssoadmin/"))).toEqual([]);
        expect(dev.outputs.organizationPlan).toBeUndefined();
    });
});

describe("audit trail (G4)", () => {
    it("prod: one organisation trail, created by the log-archive account, admitted by its management-account ARN; no member-account trail", () => {
        const trails = ofType(prod, "aws:cloudtrail/trail:Trail");
        // The shared-services and workload stacks rely on the organisation trail (G11).
        expect(trails.map((t) => t.account)).toEqual(["555555555555"]);
        const [trail] = trails;
        expect(trail.inputs).toMatchObject({
            name: "acme-prod-organization-trail",
            s3BucketName: "acme-prod-audit-555555555555",
            isOrganizationTrail: true,
            isMultiRegionTrail: true,
            includeGlobalServiceEvents: true,
            enableLogFileValidation: true,
        });
        expect(String(trail.inputs.kmsKeyId)).toMatch(/^arn:aws:kms:eu-central-1:555555555555:key\//);
        expect(String(trail.inputs.cloudWatchLogsGroupArn)).toMatch(
            /^arn:aws:logs:eu-central-1:555555555555:log-group:\/aws\/cloudtrail\/acme-prod-organization-trail:\*$/,
        );
        const policy = one(prod, "aws:s3/bucketPolicy:BucketPolicy", "audit-archive-policy");
        const statements = doc(policy.inputs.policy).Statement;
        expect(statements.find((s) => s.Sid === "CloudTrailWrite")?.Resource).toEqual([
            "arn:aws:s3:::acme-prod-audit-555555555555/AWSLogs/222222222222/*",
            "arn:aws:s3:::acme-prod-audit-555555555555/AWSLogs/o-a1b2c3d4e5/*",
        ]);
        // Exactly the organisation trail, by the ARN CloudTrail gives it: the management account's.
        expect(statements.find((s) => s.Sid === "CloudTrailWrite")?.Condition?.StringEquals["aws:SourceArn"]).toEqual([
            "arn:aws:cloudtrail:eu-central-1:222222222222:trail/acme-prod-organization-trail",
        ]);
        expect(statements.map((s) => s.Sid)).toEqual(expect.arrayContaining(["DenyInsecureTransport", "DenyOtherKmsKey"]));
        // The management stack registers the delegation the log-archive stack creates the trail under.
        expect(
            one(prod, "aws:cloudtrail/organizationDelegatedAdminAccount:OrganizationDelegatedAdminAccount", "delegated-admins-cloudtrail").inputs.accountId,
        ).toBe("555555555555");
        for (const stack of ["shared-services", "prod"] as const) {
            expect((loadStackPlan(stack).outputs.governancePlan as { auditTrail: Record<string, unknown> }).auditTrail, stack).toMatchObject({
                memberTrails: [],
                organizationTrail: {
                    createdBy: "555555555555",
                    arn: "arn:aws:cloudtrail:eu-central-1:222222222222:trail/acme-prod-organization-trail",
                    replacesTrailsOf: ["333333333333", "444444444444"],
                },
            });
        }
    });

    it("prod: the baseline SCP leaves the organisation trail to the log-archive account", () => {
        const baseline = ofType(prod, "aws:organizations/policy:Policy", "222222222222")
            .map((p) => doc(p.inputs.content))
            .flatMap((d) => d.Statement)
            .find((st) => st.Sid === "DenyOrganizationTrailChanges");
        expect(baseline).toMatchObject({
            Effect: "Deny",
            Resource: "arn:*:cloudtrail:*:*:trail/acme-prod-organization-trail",
            Condition: { StringNotEquals: { "aws:PrincipalAccount": "555555555555" } },
        });
        expect(baseline?.Action).toEqual(expect.arrayContaining(["cloudtrail:StopLogging", "cloudtrail:UpdateTrail", "cloudtrail:DeleteTrail"]));
    });

    it("prod: Object Lock in compliance mode, versioning, access logs; archive, key and trail log groups protected", () => {
        expect(one(prod, "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration", "audit-archive-object-lock").inputs.rule).toEqual({
            defaultRetention: { mode: "COMPLIANCE", days: 365 },
        });
        expect(one(prod, "aws:s3/bucketVersioning:BucketVersioning", "audit-archive-versioning").inputs.versioningConfiguration).toEqual({ status: "Enabled" });
        expect(one(prod, "aws:s3/bucketLogging:BucketLogging", "audit-archive-access-logs").inputs.targetBucket).toBe("acme-prod-audit-access-555555555555");
        for (const [type, name] of [
            ["aws:s3/bucket:Bucket", "audit-archive"],
            ["aws:s3/bucket:Bucket", "audit-access-logs"],
            ["aws:kms/key:Key", "audit-key-key"],
        ]) {
            expect(one(prod, type, name).options).toMatchObject({ protect: true, retainOnDelete: true });
        }
        for (const lg of ofType(prod, "aws:cloudwatch/logGroup:LogGroup").filter((l) => String(l.inputs.name).startsWith("/aws/cloudtrail/"))) {
            expect(lg.options).toMatchObject({ protect: true, retainOnDelete: true });
            expect(lg.inputs.retentionInDays).toBe(365);
        }
        const key = doc(one(prod, "aws:kms/key:Key", "audit-key-key").inputs.policy);
        expect(key.Statement.find((s) => s.Sid === "CloudTrailEncryptLogs")?.Condition?.StringLike["kms:EncryptionContext:aws:cloudtrail:arn"]).toEqual([
            // The organisation trail's owner (its ARN names the management account); aws:SourceArn narrows it to that trail.
            "arn:aws:cloudtrail:*:222222222222:trail/*",
        ]);
        expect(key.Statement.find((s) => s.Sid === "CloudTrailEncryptLogs")?.Condition?.StringEquals["aws:SourceArn"]).toEqual([
            "arn:aws:cloudtrail:eu-central-1:222222222222:trail/acme-prod-organization-trail",
        ]);
    });

    it("dev: one trail in the single account (no organisation) logs the team buckets' data events by prefix, no Object Lock", () => {
        const trails = ofType(dev, "aws:cloudtrail/trail:Trail");
        expect(trails).toHaveLength(1);
        expect(trails[0].inputs).toMatchObject({ name: "acme-dev-audit-trail" });
        expect(trails[0].inputs.isOrganizationTrail).toBeUndefined();
        const selectors = trails[0].inputs.advancedEventSelectors as {
            name: string;
            fieldSelectors: { field: string; startsWiths?: string[]; notStartsWiths?: string[] }[];
        }[];
        const arn = selectors.find((s) => s.name.startsWith("S3 data events"))?.fieldSelectors.find((f) => f.field === "resources.ARN");
        const logged = (bucket: string) =>
            (arn?.startsWiths ?? []).some((p) => `arn:aws:s3:::${bucket}/k`.startsWith(p)) &&
            !(arn?.notStartsWiths ?? []).some((p) => `arn:aws:s3:::${bucket}/k`.startsWith(p));
        expect(logged("acme-dev-fraud-data-111111111111")).toBe(true);
        expect(logged("acme-dev-churn-outputs-111111111111")).toBe(true);
        expect(logged("acme-dev-audit-111111111111")).toBe(false);
        expect(logged("acme-dev-access-logs-111111111111")).toBe(false);
        expect(logged("other-bucket")).toBe(false);
        expect(ofType(dev, "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration")).toHaveLength(0);
    });
});

describe("detective controls (G10)", () => {
    it("prod: a Node.js 22 Lambda bundled from the handler, remediate mode, DLQ, encrypted logs and alerts", () => {
        const fn = ofType(prod, "aws:lambda/function:Function", "444444444444").find((f) => f.name === "detective-function") as PlanResource;
        expect(fn.inputs).toMatchObject({ runtime: "nodejs22.x", handler: "index.handler", name: "acme-prod-sagemaker-detective" });
        const env = (fn.inputs.environment as { variables: Record<string, string> }).variables;
        expect(env).toMatchObject({ DETECTIVE_MODE: "remediate", NETWORK_ISOLATION_TEAMS: "fraud" });
        expect(env.ALLOWED_INSTANCE_TYPES.split(",")).toEqual(expect.arrayContaining(["ml.t3.medium", "ml.p4d.24xlarge"]));
        expect(String((fn.inputs.deadLetterConfig as { targetArn: string }).targetArn)).toMatch(
            /:sqs:eu-central-1:444444444444:acme-prod-sagemaker-detective-dlq$/,
        );
        const logs = one(prod, "aws:cloudwatch/logGroup:LogGroup", "detective-logs");
        expect(logs.inputs).toMatchObject({ name: "/aws/lambda/acme-prod-sagemaker-detective", retentionInDays: 365 });
        expect(String(logs.inputs.kmsKeyId)).toMatch(/^arn:aws:kms:eu-central-1:444444444444:key\//);
        expect(String(one(prod, "aws:sns/topic:Topic", "detective-alerts").inputs.kmsMasterKeyId)).toMatch(/:kms:eu-central-1:444444444444:key\//);
        expect(String(one(prod, "aws:sqs/queue:Queue", "detective-dlq").inputs.kmsMasterKeyId)).toMatch(/:kms:eu-central-1:444444444444:key\//);
        expect(one(prod, "aws:sns/topicSubscription:TopicSubscription", "detective-alerts-email-0").inputs).toMatchObject({
            protocol: "email",
            endpoint: "security-alerts@example.com",
        });
    });

    it("the role acts only on SageMaker resources of this account and region", () => {
        const policy = doc(one(prod, "aws:iam/rolePolicy:RolePolicy", "detective-role-policy").inputs.policy);
        const sagemaker = policy.Statement.filter((s) => [s.Action].flat().some((a) => String(a).startsWith("sagemaker:")));
        expect(sagemaker).toHaveLength(1);
        expect(sagemaker[0].Resource).toBe("arn:aws:sagemaker:eu-central-1:444444444444:*");
    });

    it("the rule forwards exactly the watched SageMaker calls, with retries and a dead-letter queue", () => {
        const rule = one(prod, "aws:cloudwatch/eventRule:EventRule", "detective-rule");
        expect(JSON.parse(String(rule.inputs.eventPattern))).toEqual({
            source: ["aws.sagemaker"],
            account: ["444444444444"],
            "detail-type": ["AWS API Call via CloudTrail"],
            detail: { eventSource: ["sagemaker.amazonaws.com"], eventName: [...WATCHED_EVENTS] },
        });
        expect(WATCHED_EVENTS).toHaveLength(13);
        const target = one(prod, "aws:cloudwatch/eventTarget:EventTarget", "detective-target");
        expect(target.inputs.retryPolicy).toEqual({ maximumEventAgeInSeconds: 3600, maximumRetryAttempts: 10 });
        expect(one(prod, "aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig", "detective-invoke-config").inputs).toMatchObject({
            maximumRetryAttempts: 2,
        });
        expect(one(prod, "aws:lambda/permission:Permission", "detective-invoke-permission").inputs).toMatchObject({ principal: "events.amazonaws.com" });
    });

    it("dev alerts only", () => {
        const fn = one(dev, "aws:lambda/function:Function", "detective-function");
        expect((fn.inputs.environment as { variables: Record<string, string> }).variables.DETECTIVE_MODE).toBe("alert");
    });
});

describe("AWS Config and security services", () => {
    it("records in the workload account, delivers to the archive's Config bucket and deploys every managed rule", () => {
        expect(ofType(prod, "aws:cfg/recorder:Recorder", "444444444444")).toHaveLength(1);
        expect(one(prod, "aws:cfg/deliveryChannel:DeliveryChannel", "config-delivery").inputs.s3BucketName).toBe("acme-prod-audit-config-555555555555");
        const rules = ofType(prod, "aws:cfg/rule:Rule", "444444444444");
        // The identifiers as the managed-rule pages of the AWS Config developer guide spell them
        // (not derived from MANAGED_RULES: a typo there must fail here).
        expect(rules.map((r) => (r.inputs.source as { sourceIdentifier: string }).sourceIdentifier).sort()).toEqual([
            "CLOUD_TRAIL_ENABLED",
            "CMK_BACKING_KEY_ROTATION_ENABLED",
            "REQUIRED_TAGS",
            "S3_BUCKET_SSL_REQUESTS_ONLY",
            "S3_DEFAULT_ENCRYPTION_KMS",
            "SAGEMAKER_ENDPOINT_CONFIGURATION_KMS_KEY_CONFIGURED",
            "SAGEMAKER_NOTEBOOK_INSTANCE_ROOT_ACCESS_CHECK",
            "SAGEMAKER_NOTEBOOK_KMS_CONFIGURED",
            "SAGEMAKER_NOTEBOOK_NO_DIRECT_INTERNET_ACCESS",
            "VPC_FLOW_LOGS_ENABLED",
        ]);
        const tags = rules.find((r) => (r.inputs.source as { sourceIdentifier: string }).sourceIdentifier === "REQUIRED_TAGS") as PlanResource;
        expect(JSON.parse(String(tags.inputs.inputParameters))).toEqual({ tag1Key: "team", tag2Key: "environment", tag3Key: "owner", tag4Key: "cost-center" });
    });

    it("prod: GuardDuty with S3 and malware protection, Security Hub FSBP, Macie on the team data buckets", () => {
        // The workload stack's own services (the log-archive stack runs the administrator's).
        const prod = loadStackPlan("prod");
        expect(
            ofType(prod, "aws:guardduty/detectorFeature:DetectorFeature")
                .map((f) => f.inputs.name)
                .sort(),
        ).toEqual(["EBS_MALWARE_PROTECTION", "S3_DATA_EVENTS"]);
        expect(one(prod, "aws:securityhub/standardsSubscription:StandardsSubscription", "security-securityhub-fsbp").inputs.standardsArn).toBe(
            "arn:aws:securityhub:eu-central-1::standards/aws-foundational-security-best-practices/v/1.0.0",
        );
        const job = one(prod, "aws:macie2/classificationJob:ClassificationJob", "security-macie-team-data");
        expect((job.inputs.s3JobDefinition as { bucketDefinitions: { accountId: string; buckets: string[] }[] }).bucketDefinitions).toEqual([
            {
                accountId: "444444444444",
                buckets: ["acme-prod-fraud-data-444444444444", "acme-prod-churn-data-444444444444", "acme-prod-pricing-data-444444444444"],
            },
        ]);
    });

    it("dev: Security Hub switched off by config, Macie off by default", () => {
        expect(ofType(dev, "aws:securityhub/account:Account")).toHaveLength(0);
        expect(ofType(dev, "aws:macie2/account:Account")).toHaveLength(0);
        expect(ofType(dev, "aws:guardduty/detector:Detector")).toHaveLength(1);
    });
});

describe("governance config", () => {
    // The management stack: the one that builds the organization layer.
    const base = () => readStackConfigFile(stackConfigPath("management"))["secure-ds:platform"] as Record<string, Record<string, unknown>>;
    const problems = (raw: unknown): string[] => {
        try {
            parsePlatformConfig(raw);
            return [];
        } catch (err) {
            if (err instanceof PlatformConfigError) return err.problems;
            throw err;
        }
    };
    it("bounds detectiveConcurrency to 1..100 whole executions and defaults it to 5", () => {
        for (const [value, fragment] of [
            [0, "is below 1"],
            [101, "is above 100"],
            [2.5, "2.5"],
        ] as const) {
            const cfg = base();
            cfg.governance.detectiveConcurrency = value;
            expect(
                problems(cfg).some((m) => m.startsWith("secure-ds:platform.governance.detectiveConcurrency:") && m.includes(fragment)),
                String(value),
            ).toBe(true);
        }
        expect(parsePlatformConfig(base()).governance.detectiveConcurrency).toBe(5);
        expect(parsePlatformConfig(base()).governance.awsConfig.serviceLinkedRoleExists).toBe(false);
    });
    it("requires the root id with the organization layer", () => {
        const cfg = base();
        delete cfg.governance.organizationRootId;
        expect(problems(cfg)).toContain(
            "secure-ds:platform.governance.organizationRootId: missing; the organization layer needs the organization root (r-...) so OUs can be created without a lookup",
        );
    });
    it("rejects placement outside the management stack, duplicates and the management account itself", () => {
        const cfg = base();
        cfg.governance.accountPlacement = [
            { accountId: "444444444444", ou: "Workloads/Prod" },
            { accountId: "444444444444", ou: "Sandbox" },
            { accountId: "222222222222", ou: "Security" },
        ];
        const p = problems(cfg);
        expect(p.some((m) => m.includes("accountPlacement[1].accountId") && m.includes("already placed by accountPlacement[0]"))).toBe(true);
        expect(p.some((m) => m.includes("accountPlacement[2].accountId") && m.includes("is the management account"))).toBe(true);
        const workloadStack = readStackConfigFile(stackConfigPath("prod"))["secure-ds:platform"] as Record<string, Record<string, unknown>>;
        workloadStack.governance.accountPlacement = [{ accountId: "444444444444", ou: "Workloads/Prod" }];
        expect(problems(workloadStack)).toContain(
            "secure-ds:platform.governance.accountPlacement: lists 1 account(s) but this stack does not build the organization layer; account placement belongs in the management stack",
        );
    });
    it("rejects an unknown OU, a break-glass pattern matching every role and a bad mode", () => {
        const cfg = base();
        cfg.governance.accountPlacement = [{ accountId: "444444444444", ou: "Workloads/Staging" }];
        cfg.governance.breakGlassRoleArnPattern = "arn:aws:iam::*:role/*";
        cfg.governance.detectiveMode = "destroy";
        const p = problems(cfg);
        expect(p.some((m) => m.startsWith('secure-ds:platform.governance.accountPlacement[0].ou: "Workloads/Staging" is not one of'))).toBe(true);
        expect(p.some((m) => m.startsWith("secure-ds:platform.governance.breakGlassRoleArnPattern") && m.includes("exempts every role"))).toBe(true);
        const anyAccount = base();
        anyAccount.governance.breakGlassRoleArnPattern = "arn:aws:iam::*:role/security-break-glass";
        expect(problems(anyAccount).some((m) => m.includes("breakGlassRoleArnPattern") && m.includes("names no account"))).toBe(true);
        expect(p).toContain('secure-ds:platform.governance.detectiveMode: "destroy" is not one of alert, remediate');
    });
    it("awsConfig.enabled false keeps the rules for a customer recorder and drops the recorder", async () => {
        const raw = readStackConfigFile(stackConfigPath("dev"));
        const platform = raw["secure-ds:platform"] as Record<string, Record<string, unknown>>;
        platform.governance = { ...platform.governance, awsConfig: { enabled: false } };
        const run = await runPlatform("dev", raw);
        expect(ofType(run, "aws:cfg/recorder:Recorder")).toHaveLength(0);
        expect(ofType(run, "aws:cfg/deliveryChannel:DeliveryChannel")).toHaveLength(0);
        expect(ofType(run, "aws:cfg/rule:Rule")).toHaveLength(MANAGED_RULES.length);
        const archive = doc(one(run, "aws:s3/bucketPolicy:BucketPolicy", "audit-archive-policy").inputs.policy);
        expect(archive.Statement.some((s) => s.Sid === "ConfigDelivery")).toBe(false);
        expect(run.resources.some((r) => r.name === "audit-config-policy")).toBe(false);
        expect(one(dev, "aws:s3/bucketPolicy:BucketPolicy", "audit-config-policy")).toBeDefined();
    });

    it("Config never delivers to the Object Lock archive (AWS Config does not support it); the Config bucket admits only Config", () => {
        expect(ofType(prod, "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration").map((r) => r.name)).toEqual(["audit-archive-object-lock"]);
        const archive = doc(one(prod, "aws:s3/bucketPolicy:BucketPolicy", "audit-archive-policy").inputs.policy);
        expect(archive.Statement.some((s) => String(s.Sid).startsWith("Config"))).toBe(false);
        const config = doc(one(prod, "aws:s3/bucketPolicy:BucketPolicy", "audit-config-policy").inputs.policy);
        expect(config.Statement.some((s) => String(s.Sid).startsWith("CloudTrail"))).toBe(false);
        expect(config.Statement.find((s) => s.Sid === "ConfigDelivery")).toMatchObject({
            Resource: ["arn:aws:s3:::acme-prod-audit-config-555555555555/AWSLogs/444444444444/Config/*"],
            Condition: { StringEquals: { "aws:SourceAccount": ["444444444444"], "s3:x-amz-acl": "bucket-owner-full-control" } },
        });
        expect(one(prod, "aws:s3/bucket:Bucket", "audit-config").options).toMatchObject({ protect: true, retainOnDelete: true });
        // The channel is planned after the archive's stack is deployed: its bucket comes from the stack reference carrying it.
        const channel = one(prod, "aws:cfg/deliveryChannel:DeliveryChannel", "config-delivery");
        expect(channel.propertyDependencies.s3BucketName?.some((d) => d.endsWith("::pulumi:pulumi:StackReference::log-archive"))).toBe(true);
    });

    it("the recorder uses AWS Config's service-linked role; Config delivers as its service principal, admitted for the workload account only (Config.1)", () => {
        for (const [run, account] of [
            [dev, "111111111111"],
            [prod, "444444444444"],
        ] as const) {
            const recorder = one(run, "aws:cfg/recorder:Recorder", "config-recorder");
            expect(recorder.inputs.roleArn).toBe(`arn:aws:iam::${account}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`);
            const slr = one(run, "aws:iam/serviceLinkedRole:ServiceLinkedRole", "config-service-linked-role");
            expect(slr.inputs.awsServiceName).toBe("config.amazonaws.com");
            expect(recorder.options.dependsOn).toContain(slr.urn);
            // No customer recorder role and no delivery rights for one.
            expect(run.resources.some((r) => r.type === "aws:iam/role:Role" && String(r.inputs.name).endsWith("config-recorder"))).toBe(false);
            expect(run.resources.some((r) => r.name === "config-role-delivery")).toBe(false);
            const key = doc(one(run, "aws:kms/key:Key", "audit-key-key").inputs.policy);
            expect(key.Statement.find((s) => s.Sid === "ConfigDeliveryEncrypt")).toMatchObject({
                Principal: { Service: "config.amazonaws.com" },
                Action: ["kms:GenerateDataKey", "kms:Decrypt"],
                Condition: { StringEquals: { "aws:SourceAccount": [account] } },
            });
            expect(key.Statement.some((s) => s.Sid === "KeyUseByRoleArn")).toBe(false);
            const bucket = doc(one(run, "aws:s3/bucketPolicy:BucketPolicy", "audit-config-policy").inputs.policy);
            expect(bucket.Statement.find((s) => s.Sid === "ConfigDelivery")).toMatchObject({
                Principal: { Service: "config.amazonaws.com" },
                Condition: { StringEquals: { "aws:SourceAccount": [account] } },
            });
        }
    });

    it("an account that already has the service-linked role references it instead of creating it", async () => {
        const cfg = readStackConfigFile(stackConfigPath("dev"));
        const platform = cfg["secure-ds:platform"] as { governance?: { awsConfig?: Record<string, unknown> } };
        platform.governance = { ...platform.governance, awsConfig: { ...platform.governance?.awsConfig, serviceLinkedRoleExists: true } };
        const run = await runPlatform("dev", cfg);
        expect(run.resources.some((r) => r.type === "aws:iam/serviceLinkedRole:ServiceLinkedRole")).toBe(false);
        expect(one(run, "aws:cfg/recorder:Recorder", "config-recorder").inputs.roleArn).toBe(
            "arn:aws:iam::111111111111:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig",
        );
    });

    it("the detective Lambda is capped and traced; its role may write traces (X-Ray has no resource-level permissions)", () => {
        for (const run of [dev, prod]) {
            const fn = one(run, "aws:lambda/function:Function", "detective-function");
            expect(fn.inputs.reservedConcurrentExecutions).toBe(5);
            expect(fn.inputs.tracingConfig).toEqual({ mode: "Active" });
            const policy = doc(one(run, "aws:iam/rolePolicy:RolePolicy", "detective-role-policy").inputs.policy);
            expect(policy.Statement.find((s) => s.Sid === "WriteTraces")).toEqual({
                Sid: "WriteTraces",
                Effect: "Allow",
                Action: ["xray:PutTraceSegments", "xray:PutTelemetryRecords"],
                Resource: "*",
            });
        }
    });

    it("the trails log S3 object events by bucket-name prefix, not by team: every platform bucket but the archive's and the access logs", () => {
        const selectorsOf = (run: RunResult, name: string) =>
            (one(run, "aws:cloudtrail/trail:Trail", name).inputs.advancedEventSelectors as { fieldSelectors: Record<string, unknown>[] }[])[1]?.fieldSelectors;
        const objectEvents = (prefix: string, notStartsWiths: string[]) => [
            { field: "eventCategory", equals: ["Data"] },
            { field: "resources.type", equals: ["AWS::S3::Object"] },
            { field: "resources.ARN", startsWiths: [`arn:aws:s3:::${prefix}`], notStartsWiths },
        ];
        expect(selectorsOf(prod, "audit-organization-trail")).toEqual(
            objectEvents("acme-prod-", [
                "arn:aws:s3:::acme-prod-audit-555555555555/",
                "arn:aws:s3:::acme-prod-audit-config-555555555555/",
                "arn:aws:s3:::acme-prod-audit-access-555555555555/",
                "arn:aws:s3:::acme-prod-access-logs-333333333333/",
                "arn:aws:s3:::acme-prod-access-logs-444444444444/",
            ]),
        );
        // dev: one account, its own trail, the same prefix rule.
        expect(selectorsOf(dev, "audit-trail")).toEqual(
            objectEvents("acme-dev-", [
                "arn:aws:s3:::acme-dev-audit-111111111111/",
                "arn:aws:s3:::acme-dev-audit-config-111111111111/",
                "arn:aws:s3:::acme-dev-audit-access-111111111111/",
                "arn:aws:s3:::acme-dev-access-logs-111111111111/",
            ]),
        );
        // Every team bucket of the plan is covered by the prefix and by no exception.
        const teamBuckets = ofType(prod, "aws:s3/bucket:Bucket", "444444444444").filter((b) => /^team-/.test(b.name));
        expect(teamBuckets.length).toBeGreaterThanOrEqual(9);
        for (const bucket of teamBuckets) {
            const arn = `arn:aws:s3:::${String(bucket.inputs.bucket)}/key`;
            expect(arn.startsWith("arn:aws:s3:::acme-prod-"), arn).toBe(true);
        }
    });
});

describe("OrganizationGuardrails validation", () => {
    const args = (types: string[], scpsAlreadyAttached?: number) => ({
        rootId: "r-ab12",
        naming: { organization: "acme", environment: "prod" },
        account: { partition: "aws", region: "eu-central-1", accountId: "222222222222" },
        allowedInstanceTypes: types,
        tagKeys: ["team"],
        scpsAlreadyAttached,
    });
    it("refuses, before creating anything, SCPs that exceed the per-target quota with what is already attached", async () => {
        // 150 types: the SageMaker statements need two documents; with 4 SCPs already there, 6 > 5.
        const types = Array.from({ length: 150 }, (_, i) => `ml.x${i}.24xlarge`);
        await expect(runWithMocks({ stack: "t", config: {}, program: () => new OrganizationGuardrails("org", args(types, 4)) })).rejects.toThrow(
            /Workloads would carry 6 SCPs \(2 from secure-ds \+ 4 already attached, FullAWSAccess included\); AWS allows 5 per target/,
        );
        const ok = await runWithMocks({ stack: "t", config: {}, program: () => new OrganizationGuardrails("org", args(types)) });
        expect(
            ok.resources.filter((r) => r.type === "aws:organizations/policy:Policy" && r.inputs.type === "SERVICE_CONTROL_POLICY").map((r) => r.inputs.name),
        ).toEqual(["acme-prod-baseline-1", "acme-prod-workloads-sagemaker-1", "acme-prod-workloads-sagemaker-2"]);
    });
    it("refuses an allow-list whose one statement cannot fit any SCP (it cannot be split without denying everything)", async () => {
        const types = Array.from({ length: 700 }, (_, i) => `ml.x${i}.24xlarge`);
        await expect(runWithMocks({ stack: "t", config: {}, program: () => new OrganizationGuardrails("org", args(types)) })).rejects.toThrow(
            /statement DenyInstanceTypesOffAllowList alone is \d+ characters, over the 5120-character limit/,
        );
    });
    it("refuses a root id that is not one", async () => {
        await expect(
            runWithMocks({
                stack: "t",
                config: {},
                program: () =>
                    new OrganizationGuardrails("org", {
                        rootId: "o-abc",
                        naming: { organization: "acme", environment: "prod" },
                        account: { partition: "aws", region: "eu-central-1", accountId: "222222222222" },
                        allowedInstanceTypes: ["ml.t3.medium"],
                        tagKeys: ["team"],
                    }),
            }),
        ).rejects.toThrow(/rootId "o-abc" is not an Organizations root id/);
    });
});
