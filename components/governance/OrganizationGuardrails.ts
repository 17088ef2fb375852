import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AccountContext } from "../guardrails/arns";
import { policyDocument, toPolicyJson } from "../guardrails/document";
import {
    PackedDocument,
    SCP_MAX_CHARS,
    SCP_MAX_PER_TARGET,
    baselineScpStatements,
    packStatements,
    scpQuotaProblem,
    organizationTrustRcpStatements,
    workloadScpStatements,
} from "../guardrails/organization";
import { PERMISSION_SET_NAMES, PermissionSetName, permissionSetPolicies } from "../guardrails/organizationPermissionSets";
import { tagPolicyDocument, tagPolicyJson } from "../guardrails/organizationTagPolicy";
import { NamingContext, namePrefix } from "../naming";
import { ORGANIZATION_GUARDRAILS_DEFAULTS } from "./defaults";
import { OU_PATHS, OU_TREE } from "./organizationalUnits";

export interface AccountPlacement {
    accountId: string;
    /** OU path, e.g. "Workloads/Prod". */
    ou: string;
}

export interface OrganizationGuardrailsArgs {
    /** Root id (r-...) under which the OUs are created (from config: no lookup). Required. */
    rootId: string;
    /** Organization and environment: prefix (`acme-prod`) of the policy names. Required. */
    naming: NamingContext;
    /** Partition, region and id of the management account. Required. */
    account: AccountContext;
    /** Instance types allowed in the Workloads OU (G2): every type of the environment, jobs included. Required. */
    allowedInstanceTypes: string[];
    /** Instance types of Studio apps and spaces (G2). Default: allowedInstanceTypes (one list for both). */
    appInstanceTypes?: string[];
    /**
     * Organization id (o-...). When set, a resource control policy on the root lets only principals
     * of the organisation assume the platform's roles (I3). Default none (no RCP).
     */
    organizationId?: string;
    /** Corporate ranges from which the permission sets may open Studio (N8). Default none: they cannot. */
    studioSourceIps?: string[];
    /** Role ARN patterns exempt from the audit-services deny. Default: none (nobody may stop the audit services). */
    breakGlassRoleArnPatterns?: string[];
    /** Mandatory tag keys for the tag policy (G1). Default: MANDATORY_TAG_KEYS (components/tags.ts). */
    tagKeys?: readonly string[];
    /** Allowed values per tag key (e.g. environment, team). Default none. */
    tagValues?: Record<string, string[]>;
    /** Existing member accounts and the OU each belongs in. Default none. */
    accountPlacement?: AccountPlacement[];
    /** Identity Center instance ARN; permission sets are created only when set. Default none. */
    identityCenterInstanceArn?: string;
    /** Session duration of the permission sets (ISO 8601). Default PT4H. */
    sessionDuration?: string;
    /** SCPs already attached to each target besides ours (FullAWSAccess counts). Default 1. */
    scpsAlreadyAttached?: number;
}

/** One SCP as created, for the plan and for tests. */
export interface ScpSummary {
    name: string;
    target: string;
    size: number;
    statements: number;
}

/** What the offline plan shows about the organization layer. */
export interface OrganizationPlan {
    scps: ScpSummary[];
    scpLimit: number;
    scpsPerTarget: Record<string, string>;
    placement: { accountId: string; ou: string; destinationOuId: pulumi.Output<string>; note: string }[];
    permissionSets: string[];
}

/**
 * The organisation guardrails (G8) in the management account: the OU tree, SCPs built from the
 * guardrail documents, a tag policy and the Identity Center permission sets.
 *
 * Account placement: in @pulumi/aws v7 only `aws.organizations.Account` sets an account's
 * parent, and adopting an existing account means importing it into this stack (with
 * close-on-delete semantics to get wrong). The component therefore does not move accounts: the
 * configured placement is validated and published in the plan (`organizationPlan.placement`)
 * with the OU id to move each account to (`aws organizations move-account`).
 */
export class OrganizationGuardrails extends pulumi.ComponentResource {
    readonly organizationalUnits: Record<string, aws.organizations.OrganizationalUnit> = {};
    readonly scps: { summary: ScpSummary; policy: aws.organizations.Policy; document: PackedDocument }[] = [];
    readonly tagPolicy: aws.organizations.Policy;
    readonly permissionSets: Partial<Record<PermissionSetName, aws.ssoadmin.PermissionSet>> = {};
    readonly plan: OrganizationPlan;

    constructor(name: string, args: OrganizationGuardrailsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("secure-ds:governance:OrganizationGuardrails", name, {}, opts);
        const D = ORGANIZATION_GUARDRAILS_DEFAULTS;
        const breakGlass = args.breakGlassRoleArnPatterns ?? D.breakGlassRoleArnPatterns;
        const placement = args.accountPlacement ?? D.accountPlacement;
        const sessionDuration = args.sessionDuration ?? D.sessionDuration;
        const alreadyAttached = args.scpsAlreadyAttached ?? D.scpsAlreadyAttached;
        const tagKeys = args.tagKeys ?? D.tagKeys;
        const tagValues = args.tagValues ?? D.tagValues;
        const prefix = namePrefix(args.naming);

        // Everything that can fail is computed before the first resource is registered.
        if (!/^r-[0-9a-z]{4,32}$/.test(args.rootId)) {
            throw new Error(
                `OrganizationGuardrails ${name}: rootId "${args.rootId}" is not an Organizations root id (r-...); set governance.organizationRootId.`,
            );
        }
        placement.forEach((p) => {
            if (!OU_PATHS.includes(p.ou)) {
                throw new Error(`OrganizationGuardrails ${name}: account ${p.accountId} is placed in "${p.ou}", which is not one of ${OU_PATHS.join(", ")}.`);
            }
        });
        const targets: { target: string; docs: PackedDocument[] }[] = [
            { target: "Root", docs: packStatements(`${prefix}-baseline`, baselineScpStatements(breakGlass)) },
            { target: "Workloads", docs: packStatements(`${prefix}-workloads-sagemaker`, workloadScpStatements(args.allowedInstanceTypes)) },
        ];
        const quota = targets.map((t) => scpQuotaProblem(t.target, t.docs.length, alreadyAttached)).filter((p): p is string => p !== undefined);
        if (quota.length > 0) {
            throw new Error(`OrganizationGuardrails ${name}: ${quota.join(" ")}`);
        }
        const tagPolicyContent = tagPolicyJson(tagPolicyDocument(tagKeys, tagValues));
        const permissionSetDocs = args.identityCenterInstanceArn
            ? permissionSetPolicies({
                  partition: args.account.partition,
                  region: args.account.region,
                  namePrefix: prefix,
                  allowedInstanceTypes: args.allowedInstanceTypes,
                  appInstanceTypes: args.appInstanceTypes,
                  studioSourceIps: args.studioSourceIps,
              })
            : undefined;

        for (const [top, children] of Object.entries(OU_TREE)) {
            const ou = new aws.organizations.OrganizationalUnit(`${name}-ou-${top.toLowerCase()}`, { name: top, parentId: args.rootId }, { parent: this });
            this.organizationalUnits[top] = ou;
            for (const child of children) {
                this.organizationalUnits[`${top}/${child}`] = new aws.organizations.OrganizationalUnit(
                    `${name}-ou-${top.toLowerCase()}-${child.toLowerCase()}`,
                    { name: child, parentId: ou.id },
                    { parent: this },
                );
            }
        }

        const targetId = (target: string): pulumi.Input<string> => (target === "Root" ? args.rootId : this.organizationalUnits[target].id);
        for (const { target, docs } of targets) {
            for (const doc of docs) {
                const policy = new aws.organizations.Policy(
                    `${name}-scp-${doc.name.slice(prefix.length + 1)}`,
                    {
                        name: doc.name,
                        type: "SERVICE_CONTROL_POLICY",
                        description:
                            target === "Root"
                                ? "secure-ds baseline: stay in the organization, keep auditing, no root user"
                                : "secure-ds SageMaker guardrails (N1-N3, N5, E1-E3, E5, I9, G2)",
                        content: toPolicyJson(doc.document),
                    },
                    { parent: this },
                );
                new aws.organizations.PolicyAttachment(
                    `${name}-scp-${doc.name.slice(prefix.length + 1)}-${target.toLowerCase()}`,
                    { policyId: policy.id, targetId: targetId(target) },
                    { parent: this },
                );
                const summary = { name: doc.name, target, size: doc.size, statements: doc.document.Statement.length };
                this.scps.push({ summary, policy, document: doc });
            }
        }

        if (args.organizationId) {
            // RCPs have their own quota (5 per target, RCPFullAWSAccess included); one statement here.
            const rcp = new aws.organizations.Policy(
                `${name}-rcp-trust`,
                {
                    name: `${prefix}-platform-role-trust`,
                    type: "RESOURCE_CONTROL_POLICY",
                    description: "secure-ds: the platform's roles are assumed only from inside the organization (I3)",
                    content: toPolicyJson(policyDocument(organizationTrustRcpStatements(args.organizationId, args.account.partition))),
                },
                { parent: this },
            );
            new aws.organizations.PolicyAttachment(`${name}-rcp-trust-root`, { policyId: rcp.id, targetId: args.rootId }, { parent: this });
        }

        this.tagPolicy = new aws.organizations.Policy(
            `${name}-tag-policy`,
            { name: `${prefix}-mandatory-tags`, type: "TAG_POLICY", description: "secure-ds mandatory tags (G1)", content: tagPolicyContent },
            { parent: this },
        );
        new aws.organizations.PolicyAttachment(`${name}-tag-policy-root`, { policyId: this.tagPolicy.id, targetId: args.rootId }, { parent: this });

        if (args.identityCenterInstanceArn && permissionSetDocs) {
            for (const setName of PERMISSION_SET_NAMES) {
                const set = new aws.ssoadmin.PermissionSet(
                    `${name}-ps-${setName.toLowerCase()}`,
                    { instanceArn: args.identityCenterInstanceArn, name: setName, description: `secure-ds ${setName}`, sessionDuration },
                    { parent: this },
                );
                new aws.ssoadmin.PermissionSetInlinePolicy(
                    `${name}-ps-${setName.toLowerCase()}-policy`,
                    { instanceArn: args.identityCenterInstanceArn, permissionSetArn: set.arn, inlinePolicy: toPolicyJson(permissionSetDocs[setName]) },
                    { parent: this },
                );
                this.permissionSets[setName] = set;
            }
        }

        const perTarget: Record<string, string> = {};
        for (const t of targets) perTarget[t.target] = `${t.docs.length + alreadyAttached} of ${SCP_MAX_PER_TARGET} (FullAWSAccess included)`;
        this.plan = {
            scps: this.scps.map((s) => s.summary),
            scpLimit: SCP_MAX_CHARS,
            scpsPerTarget: perTarget,
            placement: placement.map((p) => ({
                accountId: p.accountId,
                ou: p.ou,
                destinationOuId: this.organizationalUnits[p.ou].id,
                note: `move with: aws organizations move-account --account-id ${p.accountId} --source-parent-id <current parent> --destination-parent-id <destinationOuId>`,
            })),
            permissionSets: Object.keys(this.permissionSets),
        };
        this.registerOutputs({
            organizationalUnitIds: Object.fromEntries(Object.entries(this.organizationalUnits).map(([k, ou]) => [k, ou.id])),
            scpNames: this.scps.map((s) => s.summary.name),
        });
    }
}
