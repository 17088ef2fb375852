import { STUDIO_TEAM_PARAMETERS, sdkTagsParameter } from "../studio/lifecycleScript";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AccountContext } from "../guardrails/arns";
import { PolicyDocument, toPolicyJson } from "../guardrails/document";
import { keyPolicy } from "../guardrails/kmsKeyPolicy";
import { teamAccessPointPolicy, teamBucketPolicyStatements } from "../guardrails/teamBuckets";
import { teamGuardrailPolicies, teamPermissionBoundary } from "../guardrails/teamBoundary";
import { teamKeyPolicyArgs } from "../guardrails/teamKey";
import { teamRolePolicy } from "../guardrails/teamPolicies";
import { TeamDocumentScope } from "../guardrails/teamScope";
import { CustomerKey } from "../kms/CustomerKey";
import { NamingContext, namePrefix } from "../naming";
import { NetworkContext } from "../network/types";
import { SecureBucket } from "../storage/SecureBucket";
import { ResolvedTeam, TEAM_ENVIRONMENT_DEFAULTS, withTeamDefaults } from "./defaults";
import { ResolvedScopeInputs, TeamArns, TeamScopeSettings, teamArns, teamDocumentScope } from "./documentScope";
import { TEAM_BUCKET_PURPOSES, TEAM_ROLE_KINDS, TeamBucketPurpose, TeamNames, TeamRoleKind, teamNameViolations, teamNames, userRoleName } from "./names";
import { TEAM_ROLE_DESCRIPTIONS, teamRoleTrust, userRoleTrust } from "./roleTrust";
import { TeamDocuments, teamDocuments } from "./teamDocuments";
import { TeamSpec, TeamStudioBinding } from "./types";

/** The shared data lake a team gets an access point on (see SharedDataLake). */
export interface TeamDataLakeInput {
    /** The lake bucket, which the team's access point is on. Required. */
    bucketName: pulumi.Input<string>;
    /** ARN of the lake bucket, for the team's role policies. Required. */
    bucketArn: pulumi.Input<string>;
    /** The lake's customer key, which the team's roles use through S3. Required. */
    keyArn: pulumi.Input<string>;
}

export interface TeamEnvironmentArgs {
    /** The team: name, users, federation, budget and guardrail settings. Required. */
    team: TeamSpec;
    /** Organization and environment: prefix of every name. Required. */
    naming: NamingContext;
    /** Partition, region and id of the workload account, from config. Required. */
    account: AccountContext;
    /** Account of the package mirror and shared images (CodeArtifact, ECR). Default: the workload account. */
    sharedServicesAccountId?: string;
    /** The isolated network: VPC, subnets, S3 and KMS endpoints. Required. */
    network: NetworkContext;
    /** Administrators of the team key (the layer's key admins). Never team roles. Required. */
    keyAdministrators: string[];
    /**
     * Principals exempt from the buckets' network rule because they manage bucket settings from
     * outside the VPC (the deployer). Default: `keyAdministrators`. They still cannot read data.
     */
    bucketAdministrators?: string[];
    /** The platform's access-log bucket (name). Required: data buckets are logged. */
    accessLogBucket: pulumi.Input<string>;
    /** Instance types of Studio apps (G2). Default: the studio default list is the caller's business, so required. */
    appInstanceTypes: string[];
    /** Security groups jobs and models must use (N3). Default: the team's own job group from the network (`jobSecurityGroup`), or the domain group where the network has no factory. */
    jobSecurityGroupIds?: pulumi.Input<string>[];
    /** KMS interface endpoints through which direct key use must come. Default: the network's `kms` endpoint. */
    kmsEndpointIds?: pulumi.Input<string>[];
    /**
     * The mandatory tags of the team's resources (the provider's default tags with this team's
     * team tag): the Studio lifecycle script writes them into the SageMaker SDK defaults, so a plain
     * estimator.fit() passes the tag guardrails (G1). Default none: no `sdk-tags` parameter.
     */
    sdkDefaultTags?: Record<string, string>;
    /** Tag keys required on SageMaker create requests (G1). Default: MANDATORY_TAG_KEYS (components/tags.ts). */
    mandatoryTagKeys?: readonly string[];
    /** The approved CodeArtifact repository endpoint, published for the Studio lifecycle script. Default: none. */
    codeArtifactRepositoryEndpoint?: pulumi.Input<string>;
    /** Service-linked roles of data-inspection services reading the team's buckets (Macie). Default: none. */
    dataInspectorArns?: string[];
    /** The shared data lake; required when the team config sets `dataLake`. Default: none. */
    dataLake?: TeamDataLakeInput;
    /** Days noncurrent object versions are kept. Default 90. */
    noncurrentVersionDays?: number;
    /**
     * The SAML presigned-URL broker's role, when the broker serves this team: the data-scientist
     * role trusts it (teamTrust.ts) and waits for it, because IAM rejects a trust policy whose role
     * principal does not exist yet (IAM User Guide, "AWS JSON policy elements: Principal"). Default: none.
     */
    samlBroker?: { roleArn: string; role: pulumi.Resource };
}

/**
 * One data-science team: its customer key, data/models/outputs buckets, roles (team admin, data
 * scientist, Studio, space, training, processing, hosting, optional per-user), guardrail policies
 * and permission boundary, SSM parameters for the Studio lifecycle script, and a monthly budget.
 *
 * Everything the team owns carries the `team` tag, every document is built in
 * components/guardrails from this team's ARNs only, and every name is derived from the config
 * (components/team/names.ts), so adding a team or a user only adds resources.
 */
export class TeamEnvironment extends pulumi.ComponentResource {
    readonly key: CustomerKey;
    readonly buckets: Record<TeamBucketPurpose, SecureBucket>;
    readonly roles: Record<TeamRoleKind, aws.iam.Role>;
    readonly userRoles: Record<string, aws.iam.Role>;
    readonly boundary: aws.iam.Policy;
    readonly guardrailPolicies: aws.iam.Policy[];
    readonly parameters: aws.ssm.Parameter[];
    readonly budget: aws.budgets.Budget;
    readonly accessPoint?: aws.s3.AccessPoint;
    /** Every IAM document of the team as plain typed objects, for tests and the IAM proofs. */
    readonly documents: pulumi.Output<TeamDocuments>;
    /** What the Studio domain needs from the team. */
    readonly studio: TeamStudioBinding;

    constructor(name: string, args: TeamEnvironmentArgs, opts?: pulumi.ComponentResourceOptions) {
        super("secure-ds:team:TeamEnvironment", name, {}, opts);
        const settings = teamEnvironmentSettings(name, args);
        const c = this.step(name, args, settings);

        // The key first: its policy names the roles by ARN condition, so it needs no role to exist,
        // and everything else (buckets, boundary, role policies) names the key.
        const network = resolvedNetwork(args, c.jobSecurityGroupIds);
        this.key = this.createKey(c);
        const scope: pulumi.Output<TeamDocumentScope> = pulumi
            .all([network, this.key.arn])
            .apply(([n, kmsKeyArn]) => teamDocumentScope(args.account, c.team, c.names, c.arns, c.scopeSettings, { ...n, kmsKeyArn }));
        this.buckets = this.createBuckets(c, scope);
        ({ boundary: this.boundary, guardrailPolicies: this.guardrailPolicies } = this.createBoundaryAndGuardrails(c, scope));
        this.roles = this.createRoles(c, scope);
        this.userRoles = this.createUserRoles(c, scope);
        if (c.team.dataLake && args.dataLake) this.accessPoint = this.createAccessPoint(c, args.dataLake, scope);
        this.parameters = this.createParameters(c);
        this.budget = this.createBudget(c);

        this.documents = scope.apply((s) => teamDocuments(s, c.team, c.perUserRoleUsers, args.samlBroker?.roleArn));
        this.studio = this.studioBinding(c);
        this.registerOutputs({
            kmsKeyArn: this.key.arn,
            bucketNames: this.studio.bucketNames,
            roleArns: Object.fromEntries(TEAM_ROLE_KINDS.map((k) => [k, this.roles[k].arn])),
            boundaryArn: this.boundary.arn,
            parameterPath: c.names.parameterPath,
        });
    }

    /**
     * What every step reads. Jobs get the team's own security group where the network offers one
     * (created here, the team's first resources): the domain group admits no traffic between
     * instances, which distributed training and inter-container encryption need.
     */
    private step(name: string, args: TeamEnvironmentArgs, settings: TeamEnvironmentSettings): Step {
        const { team } = settings;
        const jobSecurityGroupIds = args.jobSecurityGroupIds ?? [
            args.network.jobSecurityGroup ? args.network.jobSecurityGroup(team.name, this) : args.network.domainSecurityGroupId,
        ];
        const names = teamNames(args.naming, team.name, args.account.accountId);
        const perUserRoleUsers = team.perUserExecutionRoles ? team.users.map((u) => u.name) : [];
        return {
            ...settings,
            name,
            args,
            jobSecurityGroupIds,
            names,
            perUserRoleUsers,
            arns: teamArns(args.account, args.naming, team, names, perUserRoleUsers),
            tags: { team: team.name },
            child: { parent: this },
        };
    }

    private createKey(c: Step): CustomerKey {
        const { partition, region, accountId } = c.args.account;
        return new CustomerKey(
            `${c.name}-key`,
            {
                description: `${namePrefix(c.args.naming)} team ${c.team.name}: data, models, outputs, job volumes`,
                alias: c.names.keyAlias,
                policy: pulumi.all(c.kmsEndpointIds).apply((endpoints) =>
                    keyPolicy(
                        teamKeyPolicyArgs(
                            {
                                partition,
                                region,
                                accountId,
                                roleArns: c.arns.roleArns,
                                userRoleArns: c.arns.userRoleArns,
                                delegatedRolePath: c.names.delegatedRolePath,
                                dataInspectorArns: c.scopeSettings.dataInspectorArns,
                            },
                            { administrators: c.args.keyAdministrators, kmsEndpointIds: endpoints },
                        ),
                    ),
                ),
                tags: c.tags,
            },
            c.child,
        );
    }

    /** The data, models and outputs buckets: the team key, logged, reachable by the team from its network only. */
    private createBuckets(c: Step, scope: pulumi.Output<TeamDocumentScope>): Record<TeamBucketPurpose, SecureBucket> {
        return Object.fromEntries(
            TEAM_BUCKET_PURPOSES.map((purpose) => [
                purpose,
                new SecureBucket(
                    `${c.name}-${purpose}`,
                    {
                        bucketName: c.names.buckets[purpose],
                        account: c.args.account,
                        kmsKeyArn: this.key.arn,
                        accessLogBucket: c.args.accessLogBucket,
                        noncurrentVersionDays: c.args.noncurrentVersionDays,
                        policyStatements: scope.apply((s) => teamBucketPolicyStatements(s, c.arns.bucketArns[purpose])),
                        tags: c.tags,
                    },
                    c.child,
                ),
            ]),
        ) as Record<TeamBucketPurpose, SecureBucket>;
    }

    /** The permission boundary of every team role, and the two guardrail policies attached to the platform's roles. */
    private createBoundaryAndGuardrails(c: Step, scope: pulumi.Output<TeamDocumentScope>): { boundary: aws.iam.Policy; guardrailPolicies: aws.iam.Policy[] } {
        const guardrailDocs = scope.apply(teamGuardrailPolicies);
        const boundary = new aws.iam.Policy(
            `${c.name}-boundary`,
            {
                name: c.names.boundaryPolicy,
                path: c.names.policyPath,
                description: `Permission boundary of every ${c.team.name} team role, including roles the team admin creates`,
                policy: scope.apply((s) => toPolicyJson(teamPermissionBoundary(s))),
                tags: c.tags,
            },
            c.child,
        );
        const guardrailPolicies = (["vpc-kms", "cost-tags"] as const).map(
            (short) =>
                new aws.iam.Policy(
                    `${c.name}-guardrails-${short}`,
                    {
                        name: c.names.guardrailPolicies[short],
                        path: c.names.policyPath,
                        description: `SageMaker guardrails (${short}) of the ${c.team.name} team`,
                        policy: guardrailDocs.apply((d) => toPolicyJson(d[short])),
                        tags: c.tags,
                    },
                    c.child,
                ),
        );
        return { boundary, guardrailPolicies };
    }

    /** One role per kind (I3), each under the boundary with its permissions and both guardrail policies. */
    private createRoles(c: Step, scope: pulumi.Output<TeamDocumentScope>): Record<TeamRoleKind, aws.iam.Role> {
        const { partition } = c.args.account;
        return Object.fromEntries(
            TEAM_ROLE_KINDS.map((kind) => [
                kind,
                this.createRole(
                    c,
                    `${c.name}-${kind}`,
                    c.names.roles[kind],
                    `${TEAM_ROLE_DESCRIPTIONS[kind]} (${c.team.name})`,
                    teamRoleTrust(c.team, kind, c.scopeSettings.adminUsers, partition, kind === "scientist" ? c.args.samlBroker?.roleArn : undefined),
                    scope.apply((s) => teamRolePolicy(s, kind)),
                    kind === "scientist" && c.args.samlBroker ? [c.args.samlBroker.role] : [],
                ),
            ]),
        ) as Record<TeamRoleKind, aws.iam.Role>;
    }

    /** Per-user Studio execution roles when the team asks for them: the Studio role's permissions, one user's identity. */
    private createUserRoles(c: Step, scope: pulumi.Output<TeamDocumentScope>): Record<string, aws.iam.Role> {
        return Object.fromEntries(
            c.perUserRoleUsers.map((user) => [
                user,
                this.createRole(
                    c,
                    `${c.name}-user-${user}`,
                    userRoleName(c.args.naming, c.team.name, user),
                    `Execution role of ${user}'s Studio user profile (${c.team.name})`,
                    userRoleTrust(c.args.account.partition),
                    scope.apply((s) => teamRolePolicy(s, "studio")),
                ),
            ]),
        );
    }

    private createRole(
        c: Step,
        resourceName: string,
        roleName: string,
        description: string,
        assumeRolePolicy: PolicyDocument,
        policy: pulumi.Output<PolicyDocument>,
        trustDependsOn: pulumi.Resource[] = [],
    ): aws.iam.Role {
        const role = new aws.iam.Role(
            resourceName,
            {
                name: roleName,
                path: c.names.rolePath,
                description,
                assumeRolePolicy: toPolicyJson(assumeRolePolicy),
                permissionsBoundary: this.boundary.arn,
                maxSessionDuration: 3600,
                tags: c.tags,
            },
            trustDependsOn.length > 0 ? { ...c.child, dependsOn: trustDependsOn } : c.child,
        );
        new aws.iam.RolePolicy(`${resourceName}-permissions`, { role: role.name, name: "permissions", policy: policy.apply(toPolicyJson) }, c.child);
        this.guardrailPolicies.forEach(
            (p, i) =>
                new aws.iam.RolePolicyAttachment(
                    `${resourceName}-guardrails-${i === 0 ? "vpc-kms" : "cost-tags"}`,
                    { role: role.name, policyArn: p.arn },
                    c.child,
                ),
        );
        return role;
    }

    /** The team's access point on the shared data lake. Access point names are account-regional; VPC-only, public access blocked (N10). */
    private createAccessPoint(c: Step, dataLake: TeamDataLakeInput, scope: pulumi.Output<TeamDocumentScope>): aws.s3.AccessPoint {
        return new aws.s3.AccessPoint(
            `${c.name}-lake`,
            {
                name: c.names.dataLakeAccessPoint,
                bucket: dataLake.bucketName,
                accountId: c.args.account.accountId,
                vpcConfiguration: { vpcId: c.args.network.vpcId },
                publicAccessBlockConfiguration: { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
                policy: scope.apply((s) => toPolicyJson(teamAccessPointPolicy(s, c.arns.accessPointArn, c.names.dataLakePrefix))),
                tags: c.tags,
            },
            c.child,
        );
    }

    /**
     * The parameters the Studio lifecycle script reads. Plain String parameters as insecureValue:
     * ids and names are not secrets, and the plan shows their values (SecureString would add a key
     * dependency for the lifecycle script and protect nothing).
     */
    private createParameters(c: Step): aws.ssm.Parameter[] {
        const { network } = c.args;
        const param = (key: string, value: pulumi.Input<string>, type: "String" | "StringList" = "String") =>
            new aws.ssm.Parameter(
                `${c.name}-param-${key.replace(/\//g, "-")}`,
                {
                    name: `${c.names.parameterPath}/${key}`,
                    type,
                    insecureValue: value,
                    tier: "Standard",
                    description: `secure-ds team ${c.team.name}: ${key}`,
                    tags: c.tags,
                },
                c.child,
            );
        return [
            param("vpc-id", network.vpcId),
            param(
                "subnet-ids",
                pulumi.all(network.subnetIds).apply((ids) => ids.join(",")),
                "StringList",
            ),
            param(
                "security-group-ids",
                pulumi.all(c.jobSecurityGroupIds).apply((ids) => ids.join(",")),
                "StringList",
            ),
            param("kms-key-arn", this.key.arn),
            ...TEAM_BUCKET_PURPOSES.map((p) => param(`buckets/${p}`, this.buckets[p].name)),
            ...(["training", "processing", "hosting"] as const).map((k) => param(`roles/${k}`, this.roles[k].arn)),
            param("max-job-runtime-seconds", String(Math.round(c.team.maxJobRuntimeHours * 3600))),
            ...(c.args.sdkDefaultTags
                ? [
                      param(
                          STUDIO_TEAM_PARAMETERS.sdkTags,
                          sdkTagsParameter(c.args.sdkDefaultTags, c.args.mandatoryTagKeys ?? TEAM_ENVIRONMENT_DEFAULTS.mandatoryTagKeys),
                      ),
                  ]
                : []),
            ...(c.args.codeArtifactRepositoryEndpoint !== undefined ? [param("codeartifact-endpoint", c.args.codeArtifactRepositoryEndpoint)] : []),
            ...(this.accessPoint ? [param("data-lake-access-point-arn", this.accessPoint.arn), param("data-lake-prefix", c.names.dataLakePrefix)] : []),
        ];
    }

    /** G6: cost allocation by the team tag (activate `team` as a cost allocation tag once per payer account). */
    private createBudget(c: Step): aws.budgets.Budget {
        const { team } = c;
        return new aws.budgets.Budget(
            `${c.name}-budget`,
            {
                name: c.names.budget,
                budgetType: "COST",
                limitAmount: team.monthlyBudgetUsd.toFixed(2),
                limitUnit: "USD",
                timeUnit: "MONTHLY",
                costFilters: [{ name: "TagKeyValue", values: [`user:team$${team.name}`] }],
                notifications:
                    team.budgetAlertEmails.length > 0
                        ? team.budgetAlerts.map((a) => ({
                              comparisonOperator: "GREATER_THAN",
                              threshold: a.percent,
                              thresholdType: "PERCENTAGE",
                              notificationType: a.type,
                              subscriberEmailAddresses: team.budgetAlertEmails,
                          }))
                        : [],
                tags: c.tags,
            },
            c.child,
        );
    }

    private studioBinding(c: Step): TeamStudioBinding {
        return {
            teamName: c.team.name,
            users: c.team.users,
            studioExecutionRoleArn: this.roles.studio.arn,
            userExecutionRoleArns: Object.fromEntries(Object.entries(this.userRoles).map(([u, r]) => [u, r.arn])),
            spaceExecutionRoleArn: this.roles.space.arn,
            dataScientistRoleName: this.roles.scientist.name,
            teamAdminRoleName: this.roles.admin.name,
            kmsKeyArn: this.key.arn,
            bucketNames: Object.fromEntries(TEAM_BUCKET_PURPOSES.map((p) => [p, this.buckets[p].name])),
            parameterPath: c.names.parameterPath,
        };
    }
}

/** The arguments with their defaults applied. */
interface TeamEnvironmentSettings {
    team: ResolvedTeam;
    kmsEndpointIds: pulumi.Input<string>[];
    scopeSettings: TeamScopeSettings;
}

/** What every step of the constructor reads. */
interface Step extends TeamEnvironmentSettings {
    name: string;
    args: TeamEnvironmentArgs;
    jobSecurityGroupIds: pulumi.Input<string>[];
    names: TeamNames;
    perUserRoleUsers: string[];
    arns: TeamArns;
    tags: Record<string, string>;
    child: pulumi.CustomResourceOptions;
}

/** Applies the defaults (TEAM_ENVIRONMENT_DEFAULTS) and validates, before any resource is registered. */
function teamEnvironmentSettings(name: string, args: TeamEnvironmentArgs): TeamEnvironmentSettings {
    const team = withTeamDefaults(args.team);
    const kmsEndpoint = args.network.interfaceEndpointIds["kms"];
    const kmsEndpointIds = args.kmsEndpointIds ?? (kmsEndpoint ? [kmsEndpoint] : []);
    const violations = teamNameViolations(args.naming, args.account.accountId, team.name, {
        users: team.users.map((u) => u.name),
        perUserRoles: team.perUserExecutionRoles,
        dataLake: team.dataLake,
    });
    if (violations.length > 0) {
        const v = violations[0];
        throw new Error(
            `TeamEnvironment ${name}: ${v.what} ${v.name} is ${v.name.length} characters; AWS allows ${v.limit}. Shorten the ${v.subject} name "${v.value}" to at most ${v.maxSubjectLength} characters.`,
        );
    }
    if (args.keyAdministrators.length === 0) {
        throw new Error(`TeamEnvironment ${name}: keyAdministrators is empty; name the platform admin role(s) that administer the team key.`);
    }
    if (kmsEndpointIds.length === 0) {
        throw new Error(
            `TeamEnvironment ${name}: the network has no "kms" interface endpoint and kmsEndpointIds is not set; the team key denies direct use outside the platform's KMS endpoint, so give one.`,
        );
    }
    if (team.dataLake && args.dataLake === undefined) {
        throw new Error(
            `TeamEnvironment ${name}: team ${team.name} sets dataLake but no dataLake bucket was given; create a SharedDataLake and pass its bucket.`,
        );
    }
    if (args.appInstanceTypes.length === 0) {
        throw new Error(`TeamEnvironment ${name}: appInstanceTypes is empty; give the Studio instance-type allow-list (G2).`);
    }
    const adminUsers = team.users.filter((u) => u.role === "admin").map((u) => u.name);
    if (adminUsers.length === 0) {
        throw new Error(`TeamEnvironment ${name}: team ${team.name} has no admin user; the team admin role must name who may assume it.`);
    }
    return {
        team,
        kmsEndpointIds,
        scopeSettings: {
            sharedServicesAccountId: args.sharedServicesAccountId ?? args.account.accountId,
            appInstanceTypes: args.appInstanceTypes,
            mandatoryTagKeys: [...(args.mandatoryTagKeys ?? TEAM_ENVIRONMENT_DEFAULTS.mandatoryTagKeys)],
            bucketAdministrators: args.bucketAdministrators ?? args.keyAdministrators,
            dataInspectorArns: args.dataInspectorArns ?? TEAM_ENVIRONMENT_DEFAULTS.dataInspectorArns,
            adminUsers,
        },
    };
}

/** The network ids and the data lake, resolved together: the document scope needs them as strings. */
function resolvedNetwork(args: TeamEnvironmentArgs, jobSecurityGroupIds: pulumi.Input<string>[]): pulumi.Output<Omit<ResolvedScopeInputs, "kmsKeyArn">> {
    return pulumi
        .all([
            args.network.vpcId,
            pulumi.all(args.network.subnetIds),
            pulumi.all(jobSecurityGroupIds),
            args.network.s3EndpointId,
            pulumi.output(args.dataLake?.bucketArn),
            pulumi.output(args.dataLake?.keyArn),
        ])
        .apply(([vpcId, subnetIds, securityGroupIds, s3EndpointId, dataLakeBucketArn, dataLakeKeyArn]) => ({
            vpcId,
            subnetIds,
            securityGroupIds,
            s3EndpointId,
            dataLakeBucketArn,
            dataLakeKeyArn,
        }));
}
