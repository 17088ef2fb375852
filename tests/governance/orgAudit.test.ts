/**
 * The organisation-level audit components (G11) under the mock runtime: delegated administrators in
 * the management account, organisation-wide auto-enable and the Config aggregator in the
 * delegated administrator account, the organisation trail and the archive that admits it and
 * nobody else to change it, and OUs adopted from an existing organisation with SCPs attached to
 * the placed accounts.
 */
import { describe, expect, it } from "vitest";
import { PolicyDocument, Statement } from "../../components/guardrails";
import { RunResult, runWithMocks } from "../../plan/engine";
import { PlanResource } from "../../plan/types";

const naming = { organization: "acme", environment: "prod" };
const MGMT = "222222222222";
const ARCHIVE = "555555555555";
const account = (accountId: string) => ({ partition: "aws", region: "eu-central-1", accountId });
const ADMIN = `arn:aws:iam::${ARCHIVE}:role/secure-ds-pipeline/secure-ds-log-archive-deploy`;
// Every key has two administrators (the deployer and the account's break-glass role).
const BREAK_GLASS = `arn:aws:iam::${ARCHIVE}:role/secure-ds-key-break-glass`;

const run = (program: () => Promise<void>): Promise<RunResult> => runWithMocks({ stack: "test", config: {}, program });
const ofType = (r: RunResult, type: string) => r.resources.filter((x) => x.type === type);
const one = (r: RunResult, type: string): PlanResource => {
    const found = ofType(r, type);
    expect(found, type).toHaveLength(1);
    return found[0];
};
const doc = (raw: unknown): PolicyDocument => JSON.parse(String(raw)) as PolicyDocument;
const sid = (d: PolicyDocument, id: string): Statement | undefined => d.Statement.find((s) => s.Sid === id);
const dependsOn = (res: PlanResource, target: PlanResource) => res.options.dependsOn.includes(target.urn);

describe("DelegatedAdministrators (management account)", () => {
    it("delegates GuardDuty, Security Hub, Macie and AWS Config to the log-archive account, with trusted access kept on delete", async () => {
        const r = await run(async () => {
            const { DelegatedAdministrators } = await import("../../components/governance/DelegatedAdministrators");
            new DelegatedAdministrators("delegated", { partition: "aws", managementAccountId: MGMT, adminAccountId: ARCHIVE });
        });
        for (const type of [
            "aws:guardduty/organizationAdminAccount:OrganizationAdminAccount",
            "aws:securityhub/organizationAdminAccount:OrganizationAdminAccount",
            "aws:macie2/organizationAdminAccount:OrganizationAdminAccount",
        ]) {
            expect(one(r, type).inputs.adminAccountId, type).toBe(ARCHIVE);
        }
        const config = one(r, "aws:organizations/delegatedAdministrator:DelegatedAdministrator");
        expect(config.inputs).toMatchObject({ accountId: ARCHIVE, servicePrincipal: "config.amazonaws.com" });
        const access = ofType(r, "aws:organizations/awsServiceAccess:AwsServiceAccess");
        expect(access.map((a) => a.inputs.servicePrincipal).sort()).toEqual(["cloudtrail.amazonaws.com", "config.amazonaws.com"]);
        for (const a of access) expect(a.options.retainOnDelete).toBe(true);
        expect(dependsOn(config, access.find((a) => a.inputs.servicePrincipal === "config.amazonaws.com") as PlanResource)).toBe(true);
        // CloudTrail's delegated administrator creates the organisation trail; registration needs trusted access first.
        const trail = one(r, "aws:cloudtrail/organizationDelegatedAdminAccount:OrganizationDelegatedAdminAccount");
        expect(trail.inputs.accountId).toBe(ARCHIVE);
        expect(dependsOn(trail, access.find((a) => a.inputs.servicePrincipal === "cloudtrail.amazonaws.com") as PlanResource)).toBe(true);
    });

    it("refuses to delegate to the management account, and skips trusted access an organisation already has", async () => {
        await expect(
            run(async () => {
                const { DelegatedAdministrators } = await import("../../components/governance/DelegatedAdministrators");
                new DelegatedAdministrators("delegated", { partition: "aws", managementAccountId: MGMT, adminAccountId: MGMT });
            }),
        ).rejects.toThrow(/is the management account/);
        const r = await run(async () => {
            const { DelegatedAdministrators } = await import("../../components/governance/DelegatedAdministrators");
            new DelegatedAdministrators("delegated", {
                partition: "aws",
                managementAccountId: MGMT,
                adminAccountId: ARCHIVE,
                enableTrustedAccess: false,
                macie: false,
                cloudTrail: false,
            });
        });
        expect(ofType(r, "aws:organizations/awsServiceAccess:AwsServiceAccess")).toEqual([]);
        expect(ofType(r, "aws:cloudtrail/organizationDelegatedAdminAccount:OrganizationDelegatedAdminAccount")).toEqual([]);
        expect(ofType(r, "aws:macie2/organizationAdminAccount:OrganizationAdminAccount")).toEqual([]);
    });
});

describe("OrganizationSecurityServices and ConfigAggregator (delegated administrator account)", () => {
    it("auto-enables GuardDuty (ALL members, with the local protection plans), Security Hub and Macie for the organisation", async () => {
        const r = await run(async () => {
            const { SecurityServices } = await import("../../components/governance/SecurityServices");
            const { OrganizationSecurityServices } = await import("../../components/governance/OrganizationSecurityServices");
            const local = new SecurityServices("security", { naming, account: account(ARCHIVE), macie: true, macieBuckets: ["acme-prod-audit"] });
            new OrganizationSecurityServices("org-security", { local });
        });
        const detector = one(r, "aws:guardduty/detector:Detector");
        const gd = one(r, "aws:guardduty/organizationConfiguration:OrganizationConfiguration");
        expect(gd.inputs.autoEnableOrganizationMembers).toBe("ALL");
        expect(gd.propertyDependencies.detectorId).toContain(detector.urn);
        const features = ofType(r, "aws:guardduty/organizationConfigurationFeature:OrganizationConfigurationFeature");
        expect(features.map((f) => [f.inputs.name, f.inputs.autoEnable]).sort()).toEqual([
            ["EBS_MALWARE_PROTECTION", "ALL"],
            ["S3_DATA_EVENTS", "ALL"],
        ]);
        const hub = one(r, "aws:securityhub/organizationConfiguration:OrganizationConfiguration");
        expect(hub.inputs).toMatchObject({ autoEnable: true, autoEnableStandards: "NONE", organizationConfiguration: { configurationType: "LOCAL" } });
        expect(dependsOn(hub, one(r, "aws:securityhub/account:Account"))).toBe(true);
        const macie = one(r, "aws:macie2/organizationConfiguration:OrganizationConfiguration");
        expect(macie.inputs.autoEnable).toBe(true);
        expect(dependsOn(macie, one(r, "aws:macie2/account:Account"))).toBe(true);
    });

    it("aggregates every region of the organisation with a Config role scoped to this account", async () => {
        const r = await run(async () => {
            const { ConfigAggregator } = await import("../../components/governance/ConfigAggregator");
            new ConfigAggregator("aggregator", { naming, account: account(ARCHIVE) });
        });
        const agg = one(r, "aws:cfg/configurationAggregator:ConfigurationAggregator");
        const role = one(r, "aws:iam/role:Role");
        expect(agg.inputs.name).toBe("acme-prod-organization");
        expect(agg.inputs.organizationAggregationSource).toMatchObject({ allRegions: true });
        expect(agg.propertyDependencies.organizationAggregationSource).toContain(role.urn);
        const trust = doc(role.inputs.assumeRolePolicy).Statement[0];
        expect(trust.Principal).toEqual({ Service: "config.amazonaws.com" });
        expect(trust.Condition).toEqual({ StringEquals: { "aws:SourceAccount": ARCHIVE } });
        const attachment = one(r, "aws:iam/rolePolicyAttachment:RolePolicyAttachment");
        expect(attachment.inputs.policyArn).toBe("arn:aws:iam::aws:policy/service-role/AWSConfigRoleForOrganizations");
        expect(dependsOn(agg, attachment)).toBe(true);
    });
});

describe("organisation trail and the archive it delivers to", () => {
    it("AccountTrail as the organisation trail: isOrganizationTrail, named for the archive's policies, its log role for both accounts", async () => {
        const r = await run(async () => {
            const { AccountTrail } = await import("../../components/governance/AccountTrail");
            new AccountTrail("org-trail", {
                naming,
                account: account(ARCHIVE),
                archiveBucketName: "acme-prod-audit",
                archiveKeyArn: `arn:aws:kms:eu-central-1:${ARCHIVE}:key/k`,
                logsKeyArn: `arn:aws:kms:eu-central-1:${ARCHIVE}:key/l`,
                organizationTrail: { managementAccountId: MGMT },
            });
        });
        const trail = one(r, "aws:cloudtrail/trail:Trail");
        expect(trail.inputs).toMatchObject({
            name: "acme-prod-organization-trail",
            isOrganizationTrail: true,
            isMultiRegionTrail: true,
            enableLogFileValidation: true,
        });
        const trust = doc(one(r, "aws:iam/role:Role").inputs.assumeRolePolicy).Statement[0];
        expect(trust.Condition).toEqual({ StringEquals: { "aws:SourceAccount": [ARCHIVE, MGMT] } });
        await expect(
            run(async () => {
                const { AccountTrail } = await import("../../components/governance/AccountTrail");
                new AccountTrail("org-trail", {
                    naming,
                    account: account(ARCHIVE),
                    archiveBucketName: "acme-prod-audit",
                    archiveKeyArn: "k",
                    logsKeyArn: "l",
                    organizationTrail: { managementAccountId: "2222" },
                });
            }),
        ).rejects.toThrow(/organizationTrail.managementAccountId "2222" is not a 12-digit account id/);
    });

    it("logs S3 data events by bucket-name prefix, minus the excepted buckets, whatever the number of teams", async () => {
        const { s3DataEventSelector } = await import("../../components/governance/trailSelectors");
        const selector = s3DataEventSelector("aws", { bucketNamePrefixes: ["acme-prod-"], exceptBucketNames: ["acme-prod-audit-555555555555"] }, "test");
        expect(selector.fieldSelectors).toEqual([
            { field: "eventCategory", equals: ["Data"] },
            { field: "resources.type", equals: ["AWS::S3::Object"] },
            { field: "resources.ARN", startsWiths: ["arn:aws:s3:::acme-prod-"], notStartsWiths: ["arn:aws:s3:::acme-prod-audit-555555555555/"] },
        ]);
        // Every bucket of the account: no resources.ARN condition at all.
        expect(s3DataEventSelector("aws", { bucketNamePrefixes: [], exceptBucketNames: [] }, "test").fieldSelectors).toHaveLength(2);
        expect(() => s3DataEventSelector("aws", { bucketNamePrefixes: ["Acme-"], exceptBucketNames: [] }, "AccountTrail t")).toThrow(
            /AccountTrail t: S3 data-event bucket-name prefix "Acme-" cannot begin a bucket name/,
        );
        expect(() => s3DataEventSelector("aws", { bucketNamePrefixes: [], exceptBucketNames: ["x"] }, "t")).toThrow(/excepted bucket "x" is not a valid/);
    });

    const archive = () =>
        run(async () => {
            const { AuditTrail } = await import("../../components/governance/AuditTrail");
            new AuditTrail("audit", {
                naming,
                account: account(ARCHIVE),
                keyAdministrators: [ADMIN, BREAK_GLASS],
                logsKeyArn: `arn:aws:kms:eu-central-1:${ARCHIVE}:key/l`,
                organizationTrail: { managementAccountId: MGMT, organizationId: "o-a1b2c3d4e5" },
                configAccountIds: ["444444444444"],
                dataEventBucketNamePrefixes: ["acme-prod-"],
                dataEventsExceptBucketNames: ["acme-prod-access-logs-444444444444"],
            });
        });

    it("creates the organisation trail here (delegated administrator) instead of this account's own, and admits exactly its ARN", async () => {
        const r = await archive();
        const trail = one(r, "aws:cloudtrail/trail:Trail");
        expect(trail.inputs).toMatchObject({ name: "acme-prod-organization-trail", isOrganizationTrail: true, isMultiRegionTrail: true });
        const arn = (trail.inputs.advancedEventSelectors as { fieldSelectors: { field: string; notStartsWiths?: string[] }[] }[])[1].fieldSelectors[2];
        // The archive's own buckets and the other accounts' access logs are never logged (their logging would loop).
        expect(arn.notStartsWiths).toEqual([
            `arn:aws:s3:::acme-prod-audit-${ARCHIVE}/`,
            `arn:aws:s3:::acme-prod-audit-config-${ARCHIVE}/`,
            `arn:aws:s3:::acme-prod-audit-access-${ARCHIVE}/`,
            "arn:aws:s3:::acme-prod-access-logs-444444444444/",
        ]);
        const policies = ofType(r, "aws:s3/bucketPolicy:BucketPolicy").map((p) => doc(p.inputs.policy));
        const archivePolicy = policies.find((p) => sid(p, "CloudTrailWrite")) as PolicyDocument;
        const write = sid(archivePolicy, "CloudTrailWrite") as Statement;
        expect(write.Resource).toEqual([
            `arn:aws:s3:::acme-prod-audit-${ARCHIVE}/AWSLogs/${MGMT}/*`,
            `arn:aws:s3:::acme-prod-audit-${ARCHIVE}/AWSLogs/o-a1b2c3d4e5/*`,
        ]);
        expect(write.Condition?.StringEquals["aws:SourceArn"]).toEqual([`arn:aws:cloudtrail:eu-central-1:${MGMT}:trail/acme-prod-organization-trail`]);
        // DNS query logs come from this account's VPCs, never from the management account the trail's ARN names.
        expect((sid(archivePolicy, "QueryLogDeliveryWrite") as Statement).Condition?.StringEquals["aws:SourceAccount"]).toEqual([ARCHIVE]);
        const key = doc(one(r, "aws:kms/key:Key").inputs.policy);
        expect(sid(key, "CloudTrailEncryptLogs")?.Condition?.StringEquals["aws:SourceArn"]).toEqual([
            `arn:aws:cloudtrail:eu-central-1:${MGMT}:trail/acme-prod-organization-trail`,
        ]);
    });

    it("refuses member trails beside the organisation trail, and an archive in the management account", async () => {
        const archiveWith = (extra: Record<string, unknown>) =>
            run(async () => {
                const { AuditTrail } = await import("../../components/governance/AuditTrail");
                new AuditTrail("audit", {
                    naming,
                    account: account(ARCHIVE),
                    keyAdministrators: [ADMIN],
                    logsKeyArn: "l",
                    organizationTrail: { managementAccountId: MGMT, organizationId: "o-a1b2c3d4e5" },
                    ...extra,
                });
            });
        await expect(archiveWith({ memberAccountIds: ["444444444444"] })).rejects.toThrow(/memberAccountIds 444444444444 with organizationTrail/);
        await expect(archiveWith({ account: account(MGMT) })).rejects.toThrow(/is the management account/);
    });

    it("denies bucket and key changes to every principal but the archive administrators", async () => {
        const r = await archive();
        const buckets = ofType(r, "aws:s3/bucketPolicy:BucketPolicy").map((p) => doc(p.inputs.policy));
        // The archive and the Config archive carry the deny; the access-log bucket is not evidence of record.
        const protectedBuckets = buckets.filter((b) => sid(b, "DenyArchiveChangesButAdministrators"));
        expect(protectedBuckets).toHaveLength(2);
        for (const b of protectedBuckets) {
            const st = sid(b, "DenyArchiveChangesButAdministrators") as Statement;
            expect(st).toMatchObject({ Effect: "Deny", Principal: "*", Condition: { ArnNotLike: { "aws:PrincipalArn": [ADMIN, BREAK_GLASS] } } });
            expect(st.Action).toEqual(
                expect.arrayContaining(["s3:PutBucketPolicy", "s3:DeleteBucket", "s3:PutLifecycleConfiguration", "s3:DeleteObjectVersion"]),
            );
        }
        const key = doc(one(r, "aws:kms/key:Key").inputs.policy);
        const st = sid(key, "DenyArchiveKeyChangesButAdministrators") as Statement;
        expect(st).toMatchObject({ Effect: "Deny", Principal: "*", Condition: { ArnNotLike: { "aws:PrincipalArn": [ADMIN, BREAK_GLASS] } } });
        expect(st.Action).toEqual(expect.arrayContaining(["kms:PutKeyPolicy", "kms:ScheduleKeyDeletion", "kms:DisableKey", "kms:CreateGrant"]));
    });
});

describe("OrganizationGuardrails in an existing organisation", () => {
    const guardrails = (extra: Record<string, unknown>) =>
        run(async () => {
            const { OrganizationGuardrails } = await import("../../components/governance/OrganizationGuardrails");
            new OrganizationGuardrails("org", {
                rootId: "r-a1b2",
                naming,
                account: account(MGMT),
                allowedInstanceTypes: ["ml.t3.medium"],
                accountPlacement: [
                    { accountId: "444444444444", ou: "Workloads/Prod" },
                    { accountId: "333333333333", ou: "Infrastructure" },
                ],
                ...extra,
            });
        });

    it("adopts Security and Sandbox by id instead of creating them (DuplicateOrganizationalUnitException)", async () => {
        const r = await guardrails({ organizationalUnitIds: { Security: "ou-a1b2-11111111", Sandbox: "ou-a1b2-22222222", Workloads: "ou-a1b2-33333333" } });
        const names = ofType(r, "aws:organizations/organizationalUnit:OrganizationalUnit").map((o) => o.inputs.name);
        expect(names.sort()).toEqual(["Deployments", "Dev", "Infrastructure", "Prod", "Test"]);
        // Children of an adopted OU are created under its id; its SCPs attach to the adopted id.
        const prod = ofType(r, "aws:organizations/organizationalUnit:OrganizationalUnit").find((o) => o.inputs.name === "Prod") as PlanResource;
        expect(prod.inputs.parentId).toBe("ou-a1b2-33333333");
        const targets = ofType(r, "aws:organizations/policyAttachment:PolicyAttachment").map((a) => a.inputs.targetId);
        expect(targets).toContain("ou-a1b2-33333333");
    });

    it("attaches the Workloads SCPs to a placed Workloads account itself, and nothing to an Infrastructure account", async () => {
        const r = await guardrails({});
        const scp = ofType(r, "aws:organizations/policy:Policy").find((p) => p.inputs.name === "acme-prod-workloads-sagemaker-1") as PlanResource;
        const onAccount = ofType(r, "aws:organizations/policyAttachment:PolicyAttachment").filter((a) => a.inputs.targetId === "444444444444");
        expect(onAccount).toHaveLength(1);
        expect(onAccount[0].propertyDependencies.policyId).toContain(scp.urn);
        expect(ofType(r, "aws:organizations/policyAttachment:PolicyAttachment").filter((a) => a.inputs.targetId === "333333333333")).toEqual([]);
        const off = await guardrails({ attachScpsToPlacedAccounts: false });
        expect(ofType(off, "aws:organizations/policyAttachment:PolicyAttachment").filter((a) => a.inputs.targetId === "444444444444")).toEqual([]);
    });

    it("refuses an OU id AWS would reject and a path that is not in the tree", async () => {
        await expect(guardrails({ organizationalUnitIds: { Security: "ou-A1B2-1" } })).rejects.toThrow(/is not an OU id/);
        await expect(guardrails({ organizationalUnitIds: { Audit: "ou-a1b2-11111111" } })).rejects.toThrow(/not one of/);
    });

    it("counts SCPs attached to a placed account against its quota", async () => {
        await expect(guardrails({ scpsAlreadyAttached: 5 })).rejects.toThrow(/444444444444 would carry 6 SCPs/);
    });
});
