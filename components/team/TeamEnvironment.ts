import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AccountContext, roleArn } from "../guardrails/arns";
import { PolicyDocument, toPolicyJson } from "../guardrails/document";
import { keyPolicy } from "../guardrails/kmsKeyPolicy";
import { teamAccessPointPolicy, teamBucketPolicyStatements } from "../guardrails/teamBuckets";
import { teamGuardrailPolicies, teamPermissionBoundary } from "../guardrails/teamBoundary";
import { teamKeyPolicyArgs } from "../guardrails/teamKey";
import { teamRolePolicy } from "../guardrails/teamPolicies";
import { TeamDocumentScope } from "../guardrails/teamScope";
import { HumanTrust, executionRoleTrustPolicy, humanRoleTrustPolicy } from "../guardrails/teamTrust";
import { CustomerKey } from "../kms/CustomerKey";
import { NamingContext, namePrefix } from "../naming";
import { NetworkContext } from "../network/types";
import { SecureBucket } from "../storage/SecureBucket";
import { TEAM_BUCKET_PURPOSES, TEAM_ROLE_KINDS, TeamBucketPurpose, TeamRoleKind, teamNameViolations, teamNames, userRoleName } from "./names";
import { TEAM_ENVIRONMENT_DEFAULTS, withTeamDefaults } from "./defaults";
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
}

interface ResolvedScopeInputs {
    kmsKeyArn: string;
    vpcId: string;
    subnetIds: string[];
    securityGroupIds: string[];
    s3EndpointId: string;
    dataLakeBucketArn?: string;
    dataLakeKeyArn?: string;
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
        const team = withTeamDefaults(args.team);
        const { partition, region, accountId } = args.account;
        const sharedServicesAccountId = args.sharedServicesAccountId ?? accountId;
        const bucketAdministrators = args.bucketAdministrators ?? args.keyAdministrators;
        const mandatoryTagKeys = [...(args.mandatoryTagKeys ?? TEAM_ENVIRONMENT_DEFAULTS.mandatoryTagKeys)];
        const dataInspectorArns = args.dataInspectorArns ?? TEAM_ENVIRONMENT_DEFAULTS.dataInspectorArns;
        const kmsEndpoint = args.network.interfaceEndpointIds["kms"];
        const kmsEndpointIds = args.kmsEndpointIds ?? (kmsEndpoint ? [kmsEndpoint] : []);

        // Validation, before any resource is registered.
        const violations = teamNameViolations(args.naming, accountId, team.name, {
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
        const admins = team.users.filter((u) => u.role === "admin").map((u) => u.name);
        if (admins.length === 0) {
            throw new Error(`TeamEnvironment ${name}: team ${team.name} has no admin user; the team admin role must name who may assume it.`);
        }

        // Validated: resources from here on. Jobs get the team's own group where the network offers one: the domain group admits no
        // traffic between instances, which distributed training and inter-container encryption need.
        const jobSecurityGroupIds = args.jobSecurityGroupIds ?? [
            args.network.jobSecurityGroup ? args.network.jobSecurityGroup(team.name, this) : args.network.domainSecurityGroupId,
        ];

        const names = teamNames(args.naming, team.name, accountId);
        const tags = { team: team.name };
        const child = { parent: this };
        const roleArns = Object.fromEntries(TEAM_ROLE_KINDS.map((k) => [k, roleArn(args.account, names.roles[k], names.rolePath)])) as Record<
            TeamRoleKind,
            string
        >;
        const perUser = team.perUserExecutionRoles ? team.users.map((u) => u.name) : [];
        const userRoleArns = Object.fromEntries(perUser.map((u) => [u, roleArn(args.account, userRoleName(args.naming, team.name, u), names.rolePath)]));
        const bucketArns = Object.fromEntries(TEAM_BUCKET_PURPOSES.map((p) => [p, `arn:${partition}:s3:::${names.buckets[p]}`])) as Record<
            TeamBucketPurpose,
            string
        >;
        const accessPointArn = `arn:${partition}:s3:${region}:${accountId}:accesspoint/${names.dataLakeAccessPoint}`;

        const scopeOf = (r: ResolvedScopeInputs): TeamDocumentScope => ({
            partition,
            region,
            accountId,
            sharedServicesAccountId,
            team: team.name,
            roleArns,
            userRoleArns,
            userRoleArnPattern: `arn:${partition}:iam::${accountId}:role${names.rolePath}${names.userRolePrefix}*`,
            rolePath: names.rolePath,
            delegatedRolePath: names.delegatedRolePath,
            policyPath: names.policyPath,
            parameterPath: names.parameterPath,
            boundaryPolicyArn: `arn:${partition}:iam::${accountId}:policy${names.policyPath}${names.boundaryPolicy}`,
            bucketArns,
            kmsKeyArn: r.kmsKeyArn,
            vpcId: r.vpcId,
            subnetIds: r.subnetIds,
            securityGroupIds: r.securityGroupIds,
            s3EndpointId: r.s3EndpointId,
            jobInstanceTypes: team.jobInstanceTypes ?? args.appInstanceTypes,
            appInstanceTypes: args.appInstanceTypes,
            maxJobRuntimeSeconds: Math.round(team.maxJobRuntimeHours * 3600),
            networkIsolation: team.networkIsolation,
            mandatoryTagKeys,
            users: team.users.map((u) => u.name),
            adminUsers: admins,
            budgetName: names.budget,
            bucketAdminArns: bucketAdministrators,
            dataInspectorArns: dataInspectorArns,
            ...(team.dataLake && r.dataLakeBucketArn && r.dataLakeKeyArn
                ? { dataLake: { bucketArn: r.dataLakeBucketArn, keyArn: r.dataLakeKeyArn, accessPointArn, prefix: names.dataLakePrefix } }
                : {}),
        });
        const network = pulumi
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

        // The key first: its policy names the roles by ARN condition, so it needs no role to exist,
        // and everything else (buckets, boundary, role policies) names the key.
        this.key = new CustomerKey(
            `${name}-key`,
            {
                description: `${namePrefix(args.naming)} team ${team.name}: data, models, outputs, job volumes`,
                alias: names.keyAlias,
                policy: pulumi.all(kmsEndpointIds).apply((endpoints) =>
                    keyPolicy(
                        teamKeyPolicyArgs(
                            {
                                partition,
                                region,
                                accountId,
                                roleArns,
                                userRoleArns,
                                delegatedRolePath: names.delegatedRolePath,
                                dataInspectorArns: dataInspectorArns,
                            },
                            { administrators: args.keyAdministrators, kmsEndpointIds: endpoints },
                        ),
                    ),
                ),
                tags,
            },
            child,
        );
        const scope: pulumi.Output<TeamDocumentScope> = pulumi.all([network, this.key.arn]).apply(([n, kmsKeyArn]) => scopeOf({ ...n, kmsKeyArn }));

        this.buckets = Object.fromEntries(
            TEAM_BUCKET_PURPOSES.map((purpose) => [
                purpose,
                new SecureBucket(
                    `${name}-${purpose}`,
                    {
                        bucketName: names.buckets[purpose],
                        account: args.account,
                        kmsKeyArn: this.key.arn,
                        accessLogBucket: args.accessLogBucket,
                        noncurrentVersionDays: args.noncurrentVersionDays,
                        policyStatements: scope.apply((s) => teamBucketPolicyStatements(s, bucketArns[purpose])),
                        tags,
                    },
                    child,
                ),
            ]),
        ) as Record<TeamBucketPurpose, SecureBucket>;

        const guardrailDocs = scope.apply(teamGuardrailPolicies);
        this.boundary = new aws.iam.Policy(
            `${name}-boundary`,
            {
                name: names.boundaryPolicy,
                path: names.policyPath,
                description: `Permission boundary of every ${team.name} team role, including roles the team admin creates`,
                policy: scope.apply((s) => toPolicyJson(teamPermissionBoundary(s))),
                tags,
            },
            child,
        );
        this.guardrailPolicies = (["vpc-kms", "cost-tags"] as const).map(
            (short) =>
                new aws.iam.Policy(
                    `${name}-guardrails-${short}`,
                    {
                        name: names.guardrailPolicies[short],
                        path: names.policyPath,
                        description: `SageMaker guardrails (${short}) of the ${team.name} team`,
                        policy: guardrailDocs.apply((d) => toPolicyJson(d[short])),
                        tags,
                    },
                    child,
                ),
        );

        const trust: HumanTrust = team.federation.samlProviderArn
            ? { kind: "saml", samlProviderArn: team.federation.samlProviderArn }
            : { kind: "principals", principalArns: team.federation.principalArns ?? [], requireMfa: false };
        const trustOf = (kind: TeamRoleKind): PolicyDocument => {
            if (kind === "admin") {
                return humanRoleTrustPolicy({
                    trust: trust.kind === "principals" ? { ...trust, requireMfa: team.federation.requireMfaForAdmin } : trust,
                    allowedUsers: admins,
                });
            }
            if (kind === "scientist") return humanRoleTrustPolicy({ trust, allowedUsers: team.users.map((u) => u.name) });
            return executionRoleTrustPolicy({ partition, sourceIdentity: kind === "studio" || kind === "space" });
        };
        const makeRole = (
            resourceName: string,
            roleName: string,
            description: string,
            assumeRolePolicy: PolicyDocument,
            policy: pulumi.Output<PolicyDocument>,
        ) => {
            const role = new aws.iam.Role(
                resourceName,
                {
                    name: roleName,
                    path: names.rolePath,
                    description,
                    assumeRolePolicy: toPolicyJson(assumeRolePolicy),
                    permissionsBoundary: this.boundary.arn,
                    maxSessionDuration: 3600,
                    tags,
                },
                child,
            );
            new aws.iam.RolePolicy(`${resourceName}-permissions`, { role: role.name, name: "permissions", policy: policy.apply(toPolicyJson) }, child);
            this.guardrailPolicies.forEach(
                (p, i) =>
                    new aws.iam.RolePolicyAttachment(
                        `${resourceName}-guardrails-${i === 0 ? "vpc-kms" : "cost-tags"}`,
                        { role: role.name, policyArn: p.arn },
                        child,
                    ),
            );
            return role;
        };
        const describe: Record<TeamRoleKind, string> = {
            admin: "Team admin (human, federated): manages the team's SageMaker resources and delegated roles",
            scientist: "Data scientist (human, federated, studiouserid session tag): opens Studio",
            studio: "Execution role of the team's Studio user profiles",
            space: "Execution role of the team's shared space",
            training: "Execution role of the team's training jobs",
            processing: "Execution role of the team's processing jobs",
            hosting: "Execution role of the team's models and endpoints",
        };
        this.roles = Object.fromEntries(
            TEAM_ROLE_KINDS.map((kind) => [
                kind,
                makeRole(
                    `${name}-${kind}`,
                    names.roles[kind],
                    `${describe[kind]} (${team.name})`,
                    trustOf(kind),
                    scope.apply((s) => teamRolePolicy(s, kind)),
                ),
            ]),
        ) as Record<TeamRoleKind, aws.iam.Role>;
        this.userRoles = Object.fromEntries(
            perUser.map((user) => [
                user,
                makeRole(
                    `${name}-user-${user}`,
                    userRoleName(args.naming, team.name, user),
                    `Execution role of ${user}'s Studio user profile (${team.name})`,
                    executionRoleTrustPolicy({ partition, sourceIdentity: true }),
                    scope.apply((s) => teamRolePolicy(s, "studio")),
                ),
            ]),
        );

        if (team.dataLake && args.dataLake) {
            // Access point names are account-regional; VPC-only, public access blocked (N10).
            this.accessPoint = new aws.s3.AccessPoint(
                `${name}-lake`,
                {
                    name: names.dataLakeAccessPoint,
                    bucket: args.dataLake.bucketName,
                    accountId,
                    vpcConfiguration: { vpcId: args.network.vpcId },
                    publicAccessBlockConfiguration: { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
                    policy: scope.apply((s) => toPolicyJson(teamAccessPointPolicy(s, accessPointArn, names.dataLakePrefix))),
                    tags,
                },
                child,
            );
        }

        // Plain String parameters as insecureValue: ids and names are not secrets, and the plan
        // shows their values (SecureString would add a key
        // dependency for the lifecycle script and protect nothing).
        const param = (key: string, value: pulumi.Input<string>, type: "String" | "StringList" = "String") =>
            new aws.ssm.Parameter(
                `${name}-param-${key.replace(/\//g, "-")}`,
                {
                    name: `${names.parameterPath}/${key}`,
                    type,
                    insecureValue: value,
                    tier: "Standard",
                    description: `secure-ds team ${team.name}: ${key}`,
                    tags,
                },
                child,
            );
        this.parameters = [
            param("vpc-id", args.network.vpcId),
            param(
                "subnet-ids",
                pulumi.all(args.network.subnetIds).apply((ids) => ids.join(",")),
                "StringList",
            ),
            param(
                "security-group-ids",
                pulumi.all(jobSecurityGroupIds).apply((ids) => ids.join(",")),
                "StringList",
            ),
            param("kms-key-arn", this.key.arn),
            ...TEAM_BUCKET_PURPOSES.map((p) => param(`buckets/${p}`, this.buckets[p].name)),
            ...(["training", "processing", "hosting"] as const).map((k) => param(`roles/${k}`, this.roles[k].arn)),
            param("max-job-runtime-seconds", String(Math.round(team.maxJobRuntimeHours * 3600))),
            ...(args.codeArtifactRepositoryEndpoint !== undefined ? [param("codeartifact-endpoint", args.codeArtifactRepositoryEndpoint)] : []),
            ...(this.accessPoint ? [param("data-lake-access-point-arn", this.accessPoint.arn), param("data-lake-prefix", names.dataLakePrefix)] : []),
        ];

        // G6: cost allocation by the team tag (activate `team` as a cost allocation tag once per payer account).
        this.budget = new aws.budgets.Budget(
            `${name}-budget`,
            {
                name: names.budget,
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
                tags,
            },
            child,
        );

        this.documents = scope.apply((s): TeamDocuments => ({
            trust: Object.fromEntries([
                ...TEAM_ROLE_KINDS.map((k) => [k, trustOf(k)]),
                ...perUser.map((u) => [`user:${u}`, executionRoleTrustPolicy({ partition, sourceIdentity: true })]),
            ]),
            permissions: Object.fromEntries([
                ...TEAM_ROLE_KINDS.map((k) => [k, teamRolePolicy(s, k)]),
                ...perUser.map((u) => [`user:${u}`, teamRolePolicy(s, "studio")]),
            ]),
            boundary: teamPermissionBoundary(s),
            guardrails: teamGuardrailPolicies(s),
            scope: s,
        }));

        this.studio = {
            teamName: team.name,
            users: team.users,
            studioExecutionRoleArn: this.roles.studio.arn,
            userExecutionRoleArns: Object.fromEntries(Object.entries(this.userRoles).map(([u, r]) => [u, r.arn])),
            spaceExecutionRoleArn: this.roles.space.arn,
            dataScientistRoleName: this.roles.scientist.name,
            teamAdminRoleName: this.roles.admin.name,
            kmsKeyArn: this.key.arn,
            bucketNames: Object.fromEntries(TEAM_BUCKET_PURPOSES.map((p) => [p, this.buckets[p].name])),
            parameterPath: names.parameterPath,
        };
        this.registerOutputs({
            kmsKeyArn: this.key.arn,
            bucketNames: this.studio.bucketNames,
            roleArns: Object.fromEntries(TEAM_ROLE_KINDS.map((k) => [k, this.roles[k].arn])),
            boundaryArn: this.boundary.arn,
            parameterPath: names.parameterPath,
        });
    }
}

/** A team's IAM documents, as built (trust and permission policies by role kind or `user:<name>`). */
export interface TeamDocuments {
    trust: Record<string, PolicyDocument>;
    permissions: Record<string, PolicyDocument>;
    boundary: PolicyDocument;
    guardrails: Record<"vpc-kms" | "cost-tags", PolicyDocument>;
    scope: TeamDocumentScope;
}
