/**
 * Scenario rows for the per-stack pipeline roles (I13) and the audit archive that the
 * audited cannot change (G11, I12). Pipeline roles are not deployed by any stack (they are
 * bootstrapped, docs/operations.md), so their documents come from the builders; the archive's
 * bucket and key policies come from the plan. Each denied row for the worst insider sits next to
 * an allowed row for the legitimate request.
 */
import { PolicyDocument, deployRolePolicy, policyDocument, previewRolePolicy, StackKind, PIPELINE_ROLE_PATH } from "../../components/guardrails";
import type { PlanResource } from "../../plan/types";
import type { Decision, Scenario, SourcedPolicy } from "./scenarios";

export interface PipelineWorld {
    stack: string;
    partition: string;
    region: string;
    /** Account of each stack kind. Where a stack config has no such account, a stand-in distinct from the others. */
    accounts: Record<StackKind, string>;
    organizationId?: string;
    /** A team data bucket ARN in the workload account (a preview must not read it). */
    teamDataBucketArn: string;
    /** Archive administrators (the only principals allowed to change the archive). */
    archiveAdministrators: string[];
    /** The layers' deployers (assume-role ARNs) of the accounts whose records the archive keeps. */
    deployers: Record<"workload" | "shared-services", string | undefined>;
    /** The member-account baseline SCPs (DenyOrganizationTrailChanges among them in an organisation). */
    baselineScps: SourcedPolicy[];
    resources: PlanResource[];
}

const tls = { "aws:SecureTransport": "true" };

function context(w: PipelineWorld, arn: string, account: string, extra: Record<string, string | string[]> = {}): Record<string, string | string[]> {
    return {
        "aws:PrincipalArn": arn,
        "aws:PrincipalAccount": account,
        ...(w.organizationId ? { "aws:PrincipalOrgID": w.organizationId } : {}),
        ...tls,
        ...extra,
    };
}

/** The JSON document `property` of the first plan resource of `type` named like `name`, as a sourced policy of a row. */
export function planDocument(resources: PlanResource[], type: string, name: RegExp, property: string, label: string): SourcedPolicy {
    const r = resources.find((x) => x.type === type && name.test(x.name) && typeof x.inputs[property] === "string");
    if (!r) throw new Error(`pipeline scenarios: the plan has no ${type} named ${name} (${label})`);
    return { name: label, source: "plan", origin: `${type} ${r.name} (${property})`, document: JSON.parse(r.inputs[property] as string) as PolicyDocument };
}

/** An administrator of another account whose IAM policy allows everything: the worst insider. */
export const ADMINISTRATOR_ACCESS: PolicyDocument = policyDocument([{ Effect: "Allow", Action: "*", Resource: "*" }]);

export function pipelineScenarios(w: PipelineWorld): Scenario[] {
    const rows: Scenario[] = [];
    const p = w.partition;
    const roleArn = (kind: StackKind, use: "deploy" | "preview") => `arn:${p}:iam::${w.accounts[kind]}:role${PIPELINE_ROLE_PATH}secure-ds-${kind}-${use}`;
    const identity = (kind: StackKind, use: "deploy" | "preview"): SourcedPolicy[] => [
        use === "deploy"
            ? {
                  name: `${kind} deploy role policy`,
                  source: "builder",
                  origin: `deployRolePolicy({ kind: "${kind}" })`,
                  // The workload attaches to the network account's hub (stacks/pipelinePlan.ts hubAccountIds).
                  document: deployRolePolicy({ kind, partition: p, accountId: w.accounts[kind], hubAccountIds: [w.accounts.network] }),
              }
            : {
                  name: `${kind} preview role policy`,
                  source: "builder",
                  origin: `previewRolePolicy({ kind: "${kind}" })`,
                  document: previewRolePolicy({ kind, partition: p, accountId: w.accounts[kind] }),
              },
    ];
    const role = (
        kind: StackKind,
        use: "deploy" | "preview",
        id: string,
        title: string,
        expected: Decision,
        action: string,
        resource: string,
        resourceAccount: string,
        decidedBy?: string,
        extra: Record<string, string | string[]> = {},
    ): Scenario => ({
        id: `pipeline-${kind}-${use}-${id}`,
        area: "Pipeline roles",
        title,
        controls: ["I13"],
        expected,
        ...(decidedBy ? { decidedBy } : {}),
        request: { principal: roleArn(kind, use), action, resource, resourceAccount, context: context(w, roleArn(kind, use), w.accounts[kind], extra) },
        identity: identity(kind, use),
    });
    const a = w.accounts;
    const r = w.region;
    const scp = `arn:${p}:organizations::${a.management}:policy/${w.organizationId ?? "o-a1b2c3d4e5"}/service_control_policy/p-examplescp`;
    const domain = (acct: string) => `arn:${p}:sagemaker:${r}:${acct}:domain/d-newdomain`;
    const vpc = (acct: string) => `arn:${p}:ec2:${r}:${acct}:vpc/vpc-0new`;
    const bucketOf = (acct: string) => `arn:${p}:s3:::acme-audit-${acct}`;
    const tgw = (acct: string) => `arn:${p}:ec2:${r}:${acct}:transit-gateway/tgw-0new`;
    // ram:CreateResourceShare names no resource (service authorization reference: Resource "*").
    const share = "*";
    // Another account than the workload's: the log-archive one where it is separate (prod), else the management one.
    const foreign = [a["log-archive"], a.management].find((x) => x !== a.workload) ?? "888888888888";

    // ---- Deploy roles: their own account and kind, nothing else
    rows.push(
        role(
            "workload",
            "deploy",
            "create-domain",
            "The workload deploy role creates the Studio domain in the workload account",
            "Allowed",
            "sagemaker:CreateDomain",
            domain(a.workload),
            a.workload,
        ),
        role(
            "workload",
            "deploy",
            "update-scp",
            "The workload deploy role changes an SCP",
            "ExplicitlyDenied",
            "organizations:UpdatePolicy",
            scp,
            a.management,
            "DenyOtherStacksServices",
        ),
        role(
            "workload",
            "deploy",
            "attach-scp",
            "The workload deploy role attaches an SCP",
            "ExplicitlyDenied",
            "organizations:AttachPolicy",
            scp,
            a.management,
            "DenyOtherStacksServices",
        ),
        role(
            "workload",
            "deploy",
            "other-account-bucket",
            `The workload deploy role rewrites a bucket policy in account ${foreign}`,
            "ExplicitlyDenied",
            "s3:PutBucketPolicy",
            bucketOf(foreign),
            foreign,
            "DenyResourcesOfOtherAccounts",
        ),
        role(
            "workload",
            "deploy",
            "assume-other-account",
            "The workload deploy role assumes a role of the management account",
            "ExplicitlyDenied",
            "sts:AssumeRole",
            `arn:${p}:iam::${a.management}:role/OrganizationAccountAccessRole`,
            a.management,
            "DenyResourcesOfOtherAccounts",
        ),
        role(
            "workload",
            "deploy",
            "widen-own-role",
            "The workload deploy role adds a policy to its own role",
            "ExplicitlyDenied",
            "iam:PutRolePolicy",
            roleArn("workload", "deploy"),
            a.workload,
            "DenyChangesToPipelineRoles",
        ),
        role("management", "deploy", "update-scp", "The management deploy role changes an SCP", "Allowed", "organizations:UpdatePolicy", scp, a.management),
        role(
            "management",
            "deploy",
            "create-domain",
            "The management deploy role creates a SageMaker domain",
            "ExplicitlyDenied",
            "sagemaker:CreateDomain",
            domain(a.management),
            a.management,
            "DenyOtherStacksServices",
        ),
        role(
            "management",
            "deploy",
            "create-vpc",
            "The management deploy role creates a VPC",
            "ExplicitlyDenied",
            "ec2:CreateVpc",
            vpc(a.management),
            a.management,
            "DenyOtherStacksServices",
        ),
        role(
            "shared-services",
            "deploy",
            "update-scp",
            "The shared-services deploy role changes an SCP",
            "ExplicitlyDenied",
            "organizations:UpdatePolicy",
            scp,
            a.management,
            "DenyOtherStacksServices",
        ),
        role(
            "log-archive",
            "deploy",
            "attach-scp",
            "The log-archive deploy role attaches an SCP",
            "ExplicitlyDenied",
            "organizations:AttachPolicy",
            scp,
            a.management,
            "DenyOtherStacksServices",
        ),
        role(
            "network",
            "deploy",
            "create-tgw",
            "The network deploy role creates the transit gateway hub in the network account",
            "Allowed",
            "ec2:CreateTransitGateway",
            tgw(a.network),
            a.network,
        ),
        role(
            "network",
            "deploy",
            "create-share",
            "The network deploy role shares the hub through AWS RAM",
            "Allowed",
            "ram:CreateResourceShare",
            share,
            a.network,
        ),
        role(
            "network",
            "deploy",
            "create-vpc",
            "The network deploy role creates a VPC",
            "ExplicitlyDenied",
            "ec2:CreateVpc",
            vpc(a.network),
            a.network,
            "DenyOtherStacksServices",
        ),
        role(
            "network",
            "deploy",
            "update-scp",
            "The network deploy role changes an SCP",
            "ExplicitlyDenied",
            "organizations:UpdatePolicy",
            scp,
            a.management,
            "DenyOtherStacksServices",
        ),
        role(
            "workload",
            "deploy",
            "create-tgw",
            "The workload deploy role creates a transit gateway of its own",
            "ExplicitlyDenied",
            "ec2:CreateTransitGateway",
            tgw(a.workload),
            a.workload,
            "DenyOtherStacksServices",
        ),
        role(
            "workload",
            "deploy",
            "accept-attachment",
            "The workload deploy role accepts its own attachment (the hub owner's decision)",
            "ExplicitlyDenied",
            "ec2:AcceptTransitGatewayVpcAttachment",
            `arn:${p}:ec2:${r}:${a.workload}:transit-gateway-attachment/tgw-attach-0new`,
            a.workload,
            "DenyOtherStacksServices",
        ),
        // The allowed counterpart (an attachment to the network account's gateway) rests on RAM
        // sharing, which the simulator does not model: it treats that cross-account request as
        // needing a resource policy. The deny below holds regardless.
        role(
            "workload",
            "deploy",
            "attach-to-other-hub",
            `The workload deploy role attaches the data VPC to a transit gateway of account ${foreign}`,
            "ExplicitlyDenied",
            "ec2:CreateTransitGatewayVpcAttachment",
            tgw(foreign),
            foreign,
            "DenyAttachmentsToOtherHubs",
        ),
        role(
            "workload",
            "deploy",
            "create-share",
            "The workload deploy role shares a resource through AWS RAM",
            "ExplicitlyDenied",
            "ram:CreateResourceShare",
            share,
            a.workload,
            "DenyOtherStacksServices",
        ),
        role(
            "team",
            "deploy",
            "create-vpc",
            "A team deploy role creates a VPC in the workload account",
            "ExplicitlyDenied",
            "ec2:CreateVpc",
            vpc(a.team),
            a.team,
            "DenyOtherStacksServices",
        ),
        role(
            "team",
            "deploy",
            "create-profile",
            "A team deploy role creates a Studio user profile",
            "Allowed",
            "sagemaker:CreateUserProfile",
            `arn:${p}:sagemaker:${r}:${a.team}:user-profile/d-newdomain/alice`,
            a.team,
        ),
    );

    // ---- Preview roles: the reads a refresh makes, no change, no data
    const previews: { kind: StackKind; read: [string, string]; write: [string, string]; data: [string, string] }[] = [
        {
            kind: "management",
            read: ["organizations:DescribePolicy", scp],
            write: ["organizations:UpdatePolicy", scp],
            data: ["kms:Decrypt", `arn:${p}:kms:${r}:${a.management}:key/k`],
        },
        {
            kind: "network",
            read: ["ec2:DescribeTransitGateways", "*"],
            write: ["ec2:CreateTransitGateway", tgw(a.network)],
            data: ["kms:Decrypt", `arn:${p}:kms:${r}:${a.network}:key/k`],
        },
        {
            kind: "log-archive",
            read: ["s3:GetBucketPolicy", bucketOf(a["log-archive"])],
            write: ["s3:PutBucketPolicy", bucketOf(a["log-archive"])],
            data: ["s3:GetObject", `${bucketOf(a["log-archive"])}/AWSLogs/${a.workload}/x.json.gz`],
        },
        {
            kind: "shared-services",
            read: ["codeartifact:DescribeRepository", `arn:${p}:codeartifact:${r}:${a["shared-services"]}:repository/secure-ds/approved`],
            write: [
                "codeartifact:PublishPackageVersion",
                `arn:${p}:codeartifact:${r}:${a["shared-services"]}:package/secure-ds/approved/generic/secure-ds/requests`,
            ],
            data: ["secretsmanager:GetSecretValue", `arn:${p}:secretsmanager:${r}:${a["shared-services"]}:secret:secure-ds/scanner-token-AbCdEf`],
        },
        {
            kind: "workload",
            read: ["ec2:DescribeVpcs", "*"],
            write: ["ec2:CreateVpc", vpc(a.workload)],
            data: ["s3:GetObject", `${w.teamDataBucketArn}/raw/customers.csv`],
        },
        {
            kind: "team",
            read: ["sagemaker:DescribeDomain", domain(a.team)],
            write: ["sagemaker:CreateUserProfile", `arn:${p}:sagemaker:${r}:${a.team}:user-profile/d-newdomain/mallory`],
            data: ["s3:GetObject", `${w.teamDataBucketArn}/raw/customers.csv`],
        },
    ];
    for (const v of previews) {
        const acct = a[v.kind];
        rows.push(
            role(
                v.kind,
                "preview",
                "refresh-read",
                `The ${v.kind} preview role reads configuration for a refresh (${v.read[0]})`,
                "Allowed",
                v.read[0],
                v.read[1],
                acct,
            ),
            role(v.kind, "preview", "mutate", `The ${v.kind} preview role makes a change (${v.write[0]})`, "ImplicitlyDenied", v.write[0], v.write[1], acct),
            role(
                v.kind,
                "preview",
                "data-read",
                `The ${v.kind} preview role reads data (${v.data[0]})`,
                "ExplicitlyDenied",
                v.data[0],
                v.data[1],
                acct,
                "DenyDataReads",
            ),
        );
    }

    // ---- The audit archive: its administrators only (G11, I12)
    const bucket = planDocument(w.resources, "aws:s3/bucketPolicy:BucketPolicy", /(^|-)audit-archive-policy$/, "policy", "audit archive bucket policy");
    const key = planDocument(w.resources, "aws:kms/key:Key", /(^|-)audit-key-key$/, "policy", "audit archive key policy");
    const archiveAccount = a["log-archive"];
    const writeSt = bucket.document.Statement.find((s) => s.Sid === "CloudTrailWrite");
    const archiveBucket = [writeSt?.Resource ?? []].flat()[0]?.replace(/\/AWSLogs\/.*$/, "") ?? "";
    const trailArn = [writeSt?.Condition?.StringEquals["aws:SourceArn"] ?? []].flat()[0] ?? "";
    const trailAccount = trailArn.split(":")[4] ?? "";
    const keyArn = `arn:${p}:kms:${r}:${archiveAccount}:key/audit-archive`;
    const insider = (label: string, acct: string) => ({
        label,
        who: `The ${label} account's administrator`,
        arn: `arn:${p}:iam::${acct}:role/${label}-admin`,
        acct,
    });
    // And the layers' deployers of the accounts whose records the archive keeps (G11).
    const deployers = deployersOf(w)
        .filter((d) => d.acct !== archiveAccount)
        .map((d) => ({ label: `${d.label}-deployer`, who: `The ${d.label} deployer`, arn: d.arn, acct: d.acct }));
    const insiders = [insider("workload", a.workload), insider("shared-services", a["shared-services"]), ...deployers];
    const admin: SourcedPolicy = {
        name: "AdministratorAccess",
        source: "builder",
        origin: "Allow * on * (an account administrator)",
        document: ADMINISTRATOR_ACCESS,
    };
    const archiveRow = (
        id: string,
        title: string,
        expected: Decision,
        principal: { arn: string; acct: string },
        action: string,
        resource: string,
        policy: SourcedPolicy,
        decidedBy?: string,
    ): Scenario => ({
        id: `archive-${id}`,
        area: "Audit archive",
        title,
        controls: ["G11", "I12"],
        expected,
        ...(decidedBy ? { decidedBy } : {}),
        request: { principal: principal.arn, action, resource, resourceAccount: archiveAccount, context: context(w, principal.arn, principal.acct) },
        identity: [admin],
        resourcePolicy: policy,
    });
    for (const i of insiders) {
        rows.push(
            archiveRow(
                `${i.label}-put-bucket-policy`,
                `${i.who} rewrites the archive's bucket policy`,
                "ExplicitlyDenied",
                i,
                "s3:PutBucketPolicy",
                archiveBucket,
                bucket,
                "DenyArchiveChangesButAdministrators",
            ),
            archiveRow(
                `${i.label}-delete-bucket`,
                `${i.who} deletes the archive bucket`,
                "ExplicitlyDenied",
                i,
                "s3:DeleteBucket",
                archiveBucket,
                bucket,
                "DenyArchiveChangesButAdministrators",
            ),
            archiveRow(
                `${i.label}-put-key-policy`,
                `${i.who} rewrites the archive key's policy`,
                "ExplicitlyDenied",
                i,
                "kms:PutKeyPolicy",
                keyArn,
                key,
                "DenyArchiveKeyChangesButAdministrators",
            ),
            archiveRow(
                `${i.label}-schedule-key-deletion`,
                `${i.who} schedules the archive key for deletion`,
                "ExplicitlyDenied",
                i,
                "kms:ScheduleKeyDeletion",
                keyArn,
                key,
                "DenyArchiveKeyChangesButAdministrators",
            ),
        );
    }
    const owner = { arn: w.archiveAdministrators[0], acct: w.archiveAdministrators[0].split(":")[4] };
    rows.push(
        archiveRow(
            "administrator-put-bucket-policy",
            "The archive's administrator updates the archive's bucket policy",
            "Allowed",
            owner,
            "s3:PutBucketPolicy",
            archiveBucket,
            bucket,
        ),
    );
    rows.push(
        archiveRow(
            "administrator-put-key-policy",
            "The archive's administrator updates the archive key's policy",
            "Allowed",
            owner,
            "kms:PutKeyPolicy",
            keyArn,
            key,
        ),
    );
    if (w.resources.some((x) => x.type === "aws:cloudtrail/trail:Trail" && x.inputs.isOrganizationTrail === true)) {
        rows.push(...organizationTrailRows(w, trailArn, admin, owner));
    }
    const cloudtrail = `cloudtrail.amazonaws.com${p === "aws-cn" ? ".cn" : ""}`;
    rows.push({
        id: "archive-cloudtrail-delivers",
        area: "Audit archive",
        title: "CloudTrail delivers a log file of the named trail into the archive",
        controls: ["G4", "G11"],
        expected: "Allowed",
        request: {
            principal: cloudtrail,
            action: "s3:PutObject",
            resource: `${archiveBucket}/AWSLogs/${trailAccount}/CloudTrail/${r}/2026/01/01/log.json.gz`,
            resourceAccount: archiveAccount,
            context: {
                ...tls,
                "aws:SourceArn": trailArn,
                "aws:SourceAccount": trailAccount,
                "s3:x-amz-acl": "bucket-owner-full-control",
                "aws:PrincipalIsAWSService": "true",
            },
        },
        identity: [],
        resourcePolicy: bucket,
    });
    return rows;
}

/** The deployers named in the config, with their accounts (an account without one has no row). */
function deployersOf(w: PipelineWorld): { label: string; arn: string; acct: string }[] {
    return (["workload", "shared-services"] as const).flatMap((label) => {
        const arn = w.deployers[label];
        return arn ? [{ label, arn, acct: arn.split(":")[4] }] : [];
    });
}

/**
 * The organisation trail (G11): the workload's and shared-services' deployers cannot stop, change
 * or delete it; the log-archive administrator, CloudTrail's delegated administrator, can update
 * it. Each request is judged in the caller's own account (a member account sees the organisation
 * trail and calls CloudTrail there; the delegated administrator acts from its account): so what
 * denies the insider is the baseline SCP, not the trail being another account's. CloudTrail itself
 * also refuses a member account's change of an organisation trail (CloudTrail User Guide,
 * "Creating a trail for an organization"); the SCP holds without relying on that.
 */
function organizationTrailRows(w: PipelineWorld, trailArn: string, admin: SourcedPolicy, owner: { arn: string; acct: string }): Scenario[] {
    const row = (id: string, title: string, expected: Decision, who: { arn: string; acct: string }, action: string, decidedBy?: string): Scenario => ({
        id: `organization-trail-${id}`,
        area: "Audit archive",
        title,
        controls: ["G11", "G4"],
        expected,
        ...(decidedBy ? { decidedBy } : {}),
        request: { principal: who.arn, action, resource: trailArn, resourceAccount: who.acct, context: context(w, who.arn, who.acct) },
        identity: [admin],
        scps: w.baselineScps,
    });
    const actions = [
        ["stop-logging", "cloudtrail:StopLogging", "stops the organisation trail"],
        ["update-trail", "cloudtrail:UpdateTrail", "changes the organisation trail"],
        ["delete-trail", "cloudtrail:DeleteTrail", "deletes the organisation trail"],
    ] as const;
    return [
        ...deployersOf(w).flatMap((d) =>
            actions.map(([id, action, what]) =>
                row(`${d.label}-${id}`, `The ${d.label} deployer ${what}`, "ExplicitlyDenied", d, action, "DenyOrganizationTrailChanges"),
            ),
        ),
        row(
            "administrator-update-trail",
            "The log-archive administrator (CloudTrail's delegated administrator) updates the organisation trail",
            "Allowed",
            owner,
            "cloudtrail:UpdateTrail",
        ),
    ];
}
