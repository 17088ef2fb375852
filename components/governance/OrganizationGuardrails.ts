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
import { OU_ID_PATTERN, OU_PATHS, OU_TREE } from "./organizationalUnits";

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
    /**
     * Break-glass role ARNs exempt from the audit-tampering denies, each bound to one account (the
     * security account); a role of that name elsewhere may not be created or changed. Default: none.
     */
    breakGlassRoleArnPatterns?: string[];
    /** The platform's deploy roles, exempt from the audit-tampering denies (they update trails, recorders, log groups). Default: none. */
    deployRoleArns?: string[];
    /**
     * The log-archive account, CloudTrail's delegated administrator: only its principals (and
     * break-glass) may change the organisation trail; every other member account's, deploy roles
     * included, are denied (G11). Default: no organisation trail.
     */
    organizationTrailAdministratorAccountId?: string;
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
    /**
     * OUs that already exist, adopted by id instead of created (OU path → `ou-...`): a Control
     * Tower organisation already has Security and Sandbox, and creating them again fails with
     * DuplicateOrganizationalUnitException. A child of an adopted OU that is not adopted itself
     * is created under the adopted id. Default none (every OU is created).
     */
    organizationalUnitIds?: Partial<Record<string, string>>;
    /**
     * Attach the SCPs of each placed account's OU (Workloads/* → the SageMaker SCPs) to the
     * account itself, so the guardrails bind it whichever OU it sits in today. Default true.
     */
    attachScpsToPlacedAccounts?: boolean;
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
    placement: { accountId: string; ou: string; destinationOuId: pulumi.Output<string>; attachedScps: string[]; note: string }[];
    /** OU paths adopted by id (not created). */
    adoptedOrganizationalUnits: string[];
    permissionSets: string[];
}

/**
 * The organisation guardrails (G8) in the management account: the OU tree, SCPs built from the
 * guardrail documents, a tag policy and the Identity Center permission sets.
 *
 * OUs of an existing organisation are adopted by id (`organizationalUnitIds`) instead of created.
 *
 * Account placement is enforced, not only printed: each placed account gets its OU's SCPs attached
 * to the account id itself (`aws.organizations.PolicyAttachment` accepts an account id as target),
 * so a Workloads account carries the SageMaker guardrails even before it is moved. Moving the
 * account stays an operator step (docs/operations.md: `aws organizations move-account`, or
 * `pulumi import` of `aws.organizations.Account`), because in @pulumi/aws v7 only that resource
 * sets an account's parent and adopting it brings close-on-delete semantics into the stack; the
 * plan (`organizationPlan.placement`) names the OU id to move each account to.
 */
export class OrganizationGuardrails extends pulumi.ComponentResource {
    /** The OUs this component created (adopted ones are not resources here). */
    readonly organizationalUnits: Record<string, aws.organizations.OrganizationalUnit> = {};
    /** Every OU path's id, created or adopted. */
    readonly organizationalUnitIds: Record<string, pulumi.Output<string>> = {};
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
        const adopted = args.organizationalUnitIds ?? D.organizationalUnitIds;
        const attachToAccounts = args.attachScpsToPlacedAccounts ?? D.attachScpsToPlacedAccounts;
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
        for (const [path, id] of Object.entries(adopted)) {
            if (id === undefined) continue;
            if (!OU_PATHS.includes(path)) {
                throw new Error(`OrganizationGuardrails ${name}: organizationalUnitIds names "${path}", which is not one of ${OU_PATHS.join(", ")}.`);
            }
            if (!OU_ID_PATTERN.test(id)) {
                throw new Error(`OrganizationGuardrails ${name}: organizationalUnitIds["${path}"] "${id}" is not an OU id (ou-xxxx-xxxxxxxx).`);
            }
        }
        const targets: { target: string; docs: PackedDocument[] }[] = [
            {
                target: "Root",
                docs: packStatements(
                    `${prefix}-baseline`,
                    baselineScpStatements(breakGlass, {
                        deployRoleArns: args.deployRoleArns ?? D.deployRoleArns,
                        namePrefix: prefix,
                        organizationTrailAdministratorAccountId: args.organizationTrailAdministratorAccountId,
                    }),
                ),
            },
            {
                target: "Workloads",
                docs: packStatements(`${prefix}-workloads-sagemaker`, workloadScpStatements(args.allowedInstanceTypes, args.appInstanceTypes)),
            },
        ];
        // Placed accounts inherit nothing they are not yet under: their OU's SCPs are attached to them directly.
        const scpsOfOu = (ou: string) => targets.find((t) => t.target !== "Root" && (ou === t.target || ou.startsWith(`${t.target}/`)))?.docs ?? [];
        const accountTargets = attachToAccounts
            ? placement.filter((p) => scpsOfOu(p.ou).length > 0).map((p) => ({ target: p.accountId, docs: scpsOfOu(p.ou) }))
            : [];
        const quota = [...targets, ...accountTargets]
            .map((t) => scpQuotaProblem(t.target, t.docs.length, alreadyAttached))
            .filter((p): p is string => p !== undefined);
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

        const ouId = (path: string, parentId: pulumi.Input<string>, resourceName: string): pulumi.Output<string> => {
            const existing = adopted[path];
            if (existing !== undefined) return pulumi.output(existing);
            const ou = new aws.organizations.OrganizationalUnit(resourceName, { name: path.split("/").pop() ?? path, parentId }, { parent: this });
            this.organizationalUnits[path] = ou;
            return ou.id;
        };
        for (const [top, children] of Object.entries(OU_TREE)) {
            const topId = ouId(top, args.rootId, `${name}-ou-${top.toLowerCase()}`);
            this.organizationalUnitIds[top] = topId;
            for (const child of children) {
                const path = `${top}/${child}`;
                this.organizationalUnitIds[path] = ouId(path, topId, `${name}-ou-${top.toLowerCase()}-${child.toLowerCase()}`);
            }
        }

        const targetId = (target: string): pulumi.Input<string> => (target === "Root" ? args.rootId : (this.organizationalUnitIds[target] ?? target)); // an account id targets the account
        for (const { target, docs } of [...targets, ...accountTargets]) {
            for (const doc of docs) {
                const existing = this.scps.find((x) => x.document === doc);
                const suffix = doc.name.slice(prefix.length + 1);
                if (existing) {
                    // The same document, attached to one more target (a placed account).
                    new aws.organizations.PolicyAttachment(
                        `${name}-scp-${suffix}-${target}`,
                        { policyId: existing.policy.id, targetId: target },
                        { parent: this },
                    );
                    continue;
                }
                const policy = new aws.organizations.Policy(
                    `${name}-scp-${suffix}`,
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
        for (const t of [...targets, ...accountTargets])
            perTarget[t.target] = `${t.docs.length + alreadyAttached} of ${SCP_MAX_PER_TARGET} (FullAWSAccess included)`;
        this.plan = {
            scps: this.scps.map((s) => s.summary),
            scpLimit: SCP_MAX_CHARS,
            scpsPerTarget: perTarget,
            placement: placement.map((p) => ({
                accountId: p.accountId,
                ou: p.ou,
                destinationOuId: this.organizationalUnitIds[p.ou],
                attachedScps: accountTargets.find((t) => t.target === p.accountId)?.docs.map((d) => d.name) ?? [],
                note: `move with: aws organizations move-account --account-id ${p.accountId} --source-parent-id <current parent> --destination-parent-id <destinationOuId>`,
            })),
            permissionSets: Object.keys(this.permissionSets),
            adoptedOrganizationalUnits: Object.keys(adopted).filter((k) => adopted[k] !== undefined),
        };
        this.registerOutputs({
            organizationalUnitIds: this.organizationalUnitIds,
            scpNames: this.scps.map((s) => s.summary.name),
        });
    }
}
