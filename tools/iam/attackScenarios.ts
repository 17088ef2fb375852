/**
 * The attacker section of the IAM proofs and the Studio launch walk-through:
 * each path an attacker inside the platform could take is a row expected to be denied, next to the
 * legitimate request that must stay allowed. Pure data like scenarios.ts, which builds the world
 * (documents from the plan or the builders) and hands it here.
 *
 * The attacker's own identity policy is "Allow * on *" wherever the attacker writes it (a role the
 * team admin creates under `delegated/` carries whatever the admin attaches): only the boundary,
 * the SCPs, the RCP and the resource policies stand between it and the request, as in AWS.
 */
import { hasInstanceStore, policyDocument } from "../../components/guardrails";
import type { Decision, Scenario, ScenarioRequest, SourcedPolicy } from "./scenarios";

/** What a row needs to know about one team (a subset of scenarios.ts's TeamWorld). */
export interface AttackTeam {
    name: string;
    scientist: string;
    otherScientist?: string;
    /** Role ARNs by kind, and the team's delegated role path. */
    roleArn(kind: "admin" | "scientist" | "studio" | "space" | "training"): string;
    delegatedRolePath: string;
    bucketArn(purpose: "data" | "models" | "outputs"): string;
    kmsKeyArn: string;
    subnetIds: string[];
    securityGroupIds: string[];
    jobInstanceTypes: string[];
    maxJobRuntimeSeconds: number;
    networkIsolation: boolean;
    identity(kind: "studio" | "training"): SourcedPolicy[];
    boundary: SourcedPolicy[] | undefined;
    bucketPolicy(purpose: "data"): SourcedPolicy;
    /** Id of the team's Studio domain as its documents name it. */
    domainId: string;
}

export interface AttackWorld {
    partition: string;
    region: string;
    workload: string;
    environment: string;
    studioInstanceTypes: string[];
    s3EndpointId: string;
    vpcId: string;
    scps: SourcedPolicy[] | undefined;
    /** The resource control policies of the organisation (prod), or undefined without one. */
    rcps: SourcedPolicy[] | undefined;
    deployer: { arn: string; identity: SourcedPolicy[] };
    endpoint(service: "s3"): SourcedPolicy[];
    /** The persona's Identity Center permission set, as deployed or built. */
    permissionSet(name: "DataScientist" | "TeamLead"): SourcedPolicy;
    /** Request context every principal of this stack's organisation carries. */
    principalContext(arn: string, account: string, extra?: Record<string, string | string[]>): Record<string, string | string[]>;
    outsideIp: string;
    corporateIp: string | undefined;
    /** The SDK-default tags of a team, as the Studio lifecycle script writes them (sdk-tags parameter). */
    sdkTags(team: string): Record<string, string>;
}

/** What a role the team admin creates may carry: anything, so the boundary is all that holds it. */
const ANYTHING: SourcedPolicy = {
    name: "whatever the team admin attaches (Allow * on *)",
    source: "builder",
    origin: "the worst identity policy a delegated role can have",
    document: policyDocument([{ Effect: "Allow", Action: "*", Resource: "*" }]),
};

/** An account outside the organisation, whose administrator may do anything in it. */
const OUTSIDER: SourcedPolicy = {
    name: "the outside account's own policy (Allow * on *)",
    source: "builder",
    origin: "an attacker's account",
    document: policyDocument([{ Effect: "Allow", Action: "*", Resource: "*" }]),
};

/** An expensive type outside the Studio list: the issue's p4d, or another off the list. */
function expensiveAppType(studioTypes: string[]): string {
    const candidates = ["ml.p4d.24xlarge", "ml.p5.48xlarge", "ml.p4de.24xlarge"];
    const match = (t: string, p: string) => new RegExp(`^${p.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`).test(t);
    const found = candidates.find((c) => !studioTypes.some((p) => match(c, p)));
    if (!found) throw new Error(`the Studio allow-list admits every GPU type among ${candidates.join(", ")}; the G2 attack rows need one off it`);
    return found;
}

export function attackScenarios(w: AttackWorld, teams: AttackTeam[]): Scenario[] {
    const rows: Scenario[] = [];
    const sm = (resource: string) => `arn:${w.partition}:sagemaker:${w.region}:${w.workload}:${resource}`;
    const gpu = expensiveAppType(w.studioInstanceTypes);
    const distributionImage = `arn:${w.partition}:sagemaker:${w.region}:123456789012:image/sagemaker-distribution-cpu`;
    const throughS3Endpoint = { "aws:SourceVpce": w.s3EndpointId, "aws:SourceVpc": w.vpcId };
    const request = (principal: string, action: string, resource: string, context: Record<string, string | string[]>): ScenarioRequest => ({
        principal,
        action,
        resource,
        resourceAccount: w.workload,
        context: w.principalContext(principal, w.workload, context),
    });
    const row = (r: Omit<Scenario, "expected" | "decidedBy">, decision: { expected: Decision; decidedBy?: string }): Scenario => ({ ...r, ...decision });

    for (const [i, t] of teams.entries()) {
        const o = teams[(i + 1) % teams.length];
        const delegated = `arn:${w.partition}:iam::${w.workload}:role${t.delegatedRolePath}attacker`;
        const studio = t.roleArn("studio");
        const profile = (user: string) => sm(`user-profile/${t.domainId}/${user}`);
        const teammate = t.otherScientist ?? t.scientist;
        const asDelegated = { identity: [ANYTHING], boundary: t.boundary, scps: w.scps };
        const asStudio = { identity: t.identity("studio"), boundary: t.boundary, scps: w.scps };
        // Studio's session context: the profile name is the session's source identity (I5).
        const session = (extra: Record<string, string | string[]>) => ({ "aws:SourceIdentity": t.scientist, ...extra });
        const ownSpace = sm(`space/${t.domainId}/${t.scientist}-space`);
        const privateOwn = { "sagemaker:OwnerUserProfileArn": profile(t.scientist), "sagemaker:SpaceSharingType": "Private" };

        // ---- 15.1: a role the team admin creates escapes the perimeter
        rows.push(
            row(
                {
                    ...asDelegated,
                    id: `attack-delegated-presigned-url/${t.name}`,
                    area: "Attacks",
                    title: `A role ${t.name}'s admin created opens teammate ${teammate}'s Studio profile from ${w.outsideIp}`,
                    controls: ["I1", "N8", "I3"],
                    request: request(delegated, "sagemaker:CreatePresignedDomainUrl", profile(teammate), {
                        "aws:SourceIp": w.outsideIp,
                        "sagemaker:ResourceTag/studiouserid": teammate,
                        "aws:ResourceTag/team": t.name,
                    }),
                },
                { expected: "ExplicitlyDenied", decidedBy: "DenySessionsExceptScientistRole" },
            ),
        );
        rows.push(
            row(
                {
                    ...asDelegated,
                    id: `attack-delegated-start-session/${t.name}`,
                    area: "Attacks",
                    title: `A role ${t.name}'s admin created opens an SSM session into ${t.scientist}'s space (remote access)`,
                    controls: ["N8", "I3"],
                    request: request(delegated, "sagemaker:StartSession", ownSpace, { "aws:ResourceTag/team": t.name }),
                },
                { expected: "ExplicitlyDenied", decidedBy: "DenySessionsExceptScientistRole" },
            ),
        );
        for (const [action, what] of [
            ["s3:PutBucketPolicy", "grants the data bucket to an outside account (PutBucketPolicy)"],
            ["s3:PutBucketLogging", "switches the data bucket's access logging off (PutBucketLogging)"],
            ["s3:DeleteBucketPolicy", "deletes the data bucket's policy"],
        ] as const) {
            rows.push(
                row(
                    {
                        ...asDelegated,
                        id: `attack-delegated-${action
                            .slice(3)
                            .replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)
                            .slice(1)}/${t.name}`,
                        area: "Attacks",
                        title: `A role ${t.name}'s admin created ${what} through the S3 endpoint`,
                        controls: ["I3", "N10", "G4"],
                        request: request(delegated, action, t.bucketArn("data"), throughS3Endpoint),
                        resourcePolicy: t.bucketPolicy("data"),
                        endpointPolicies: w.endpoint("s3"),
                    },
                    { expected: "ExplicitlyDenied", decidedBy: "DenyBucketConfigurationChanges" },
                ),
            );
        }
        rows.push(
            row(
                {
                    ...asStudio,
                    id: `attack-studio-put-bucket-policy/${t.name}`,
                    area: "Attacks",
                    title: `${t.name}'s Studio execution role (code in a notebook) rewrites the data bucket's policy through the S3 endpoint`,
                    controls: ["I3", "N10"],
                    request: request(studio, "s3:PutBucketPolicy", t.bucketArn("data"), throughS3Endpoint),
                    resourcePolicy: t.bucketPolicy("data"),
                    endpointPolicies: w.endpoint("s3"),
                },
                { expected: "ExplicitlyDenied", decidedBy: "DenyBucketConfigurationChanges" },
            ),
        );
        rows.push(
            row(
                {
                    ...asDelegated,
                    id: `attack-delegated-retag-profile/${t.name}`,
                    area: "Attacks",
                    title: `A role ${t.name}'s admin created re-tags teammate ${teammate}'s profile with another studiouserid`,
                    controls: ["I1", "I2"],
                    request: request(delegated, "sagemaker:AddTags", profile(teammate), {
                        "aws:RequestTag/studiouserid": "attacker",
                        "aws:TagKeys": ["studiouserid"],
                        "aws:ResourceTag/team": t.name,
                    }),
                },
                { expected: "ExplicitlyDenied", decidedBy: "DenyUserProfileTagChanges" },
            ),
        );
        rows.push(
            row(
                {
                    ...asDelegated,
                    id: `attack-delegated-gpu-app/${t.name}`,
                    area: "Attacks",
                    title: `A role ${t.name}'s admin created starts a Studio app on ${gpu}`,
                    controls: ["G2"],
                    request: request(delegated, "sagemaker:CreateApp", sm(`app/${t.domainId}/${t.scientist}-space/jupyterlab/default`), {
                        "sagemaker:InstanceTypes": [gpu],
                    }),
                },
                { expected: "ExplicitlyDenied", decidedBy: "DenyAppInstanceTypesOffAllowList" },
            ),
        );

        // ---- 15.3: teammates tamper with each other's Studio (owner model)
        if (t.otherScientist) {
            const theirs = sm(`space/${t.domainId}/${t.otherScientist}-space`);
            const privateTheirs = { "sagemaker:OwnerUserProfileArn": profile(t.otherScientist), "sagemaker:SpaceSharingType": "Private" };
            rows.push(
                row(
                    {
                        ...asStudio,
                        id: `attack-delete-teammate-space/${t.name}`,
                        area: "Attacks",
                        title: `${t.scientist}'s Studio session deletes teammate ${t.otherScientist}'s private space`,
                        controls: ["I1"],
                        request: request(studio, "sagemaker:DeleteSpace", theirs, session({ ...privateTheirs, "aws:ResourceTag/team": t.name })),
                    },
                    { expected: "ExplicitlyDenied", decidedBy: "DenyOtherUsersPrivateSpaces" },
                ),
            );
            rows.push(
                row(
                    {
                        ...asStudio,
                        id: `attack-app-in-teammate-space/${t.name}`,
                        area: "Attacks",
                        title: `${t.scientist}'s Studio session starts an app in teammate ${t.otherScientist}'s private space`,
                        controls: ["I1"],
                        request: request(
                            studio,
                            "sagemaker:CreateApp",
                            sm(`app/${t.domainId}/${t.otherScientist}-space/jupyterlab/default`),
                            session({ ...privateTheirs, "sagemaker:InstanceTypes": [w.studioInstanceTypes[0]] }),
                        ),
                    },
                    { expected: "ExplicitlyDenied", decidedBy: "DenyOtherUsersPrivateSpaces" },
                ),
            );
            rows.push(
                row(
                    {
                        ...asStudio,
                        id: `attack-space-for-teammate/${t.name}`,
                        area: "Attacks",
                        title: `${t.scientist}'s Studio session creates a private space owned by teammate ${t.otherScientist}`,
                        controls: ["I1"],
                        request: request(studio, "sagemaker:CreateSpace", theirs, session(privateTheirs)),
                    },
                    { expected: "ExplicitlyDenied", decidedBy: "DenyOtherUsersPrivateSpaces" },
                ),
            );
        }
        rows.push(
            row(
                {
                    ...asStudio,
                    id: `attack-space-remote-access/${t.name}`,
                    area: "Attacks",
                    title: `${t.scientist}'s Studio session creates their own space with remote access (local IDE over SSM)`,
                    controls: ["N8"],
                    request: request(studio, "sagemaker:CreateSpace", ownSpace, session({ ...privateOwn, "sagemaker:RemoteAccess": "ENABLED" })),
                },
                { expected: "ExplicitlyDenied", decidedBy: "DenySpaceRemoteAccess" },
            ),
        );
        rows.push(
            row(
                {
                    ...asStudio,
                    id: `attack-execution-role-unapproved-image/${t.name}`,
                    area: "Attacks",
                    title: `${t.scientist}'s Studio session (the execution role, as Studio calls CreateApp) starts an app on another account's image`,
                    controls: ["I7"],
                    request: request(
                        studio,
                        "sagemaker:CreateApp",
                        sm(`app/${t.domainId}/${t.scientist}-space/jupyterlab/default`),
                        session({ ...privateOwn, "sagemaker:ImageArns": [`arn:${w.partition}:sagemaker:${w.region}:999999999999:image/miner`] }),
                    ),
                },
                { expected: "ExplicitlyDenied", decidedBy: "DenyUnapprovedImages" },
            ),
        );
        rows.push(
            row(
                {
                    ...asStudio,
                    id: `attack-update-space-gpu/${t.name}`,
                    area: "Attacks",
                    title: `${t.scientist}'s Studio session moves their own space onto ${gpu} (UpdateSpace)`,
                    controls: ["G2"],
                    request: request(studio, "sagemaker:UpdateSpace", ownSpace, session({ ...privateOwn, "sagemaker:InstanceTypes": [gpu] })),
                },
                { expected: "ExplicitlyDenied", decidedBy: "DenyAppInstanceTypesOffAllowList" },
            ),
        );

        // ---- 15.2: Identity Center permission sets
        const sso = (set: string) =>
            `arn:${w.partition}:iam::${w.workload}:role/aws-reserved/sso.amazonaws.com/${w.region}/AWSReservedSSO_${set}_0123456789abcdef`;
        const persona = (set: "DataScientist" | "TeamLead") => ({ identity: [w.permissionSet(set)], scps: w.scps });
        const personaTags = { "aws:PrincipalTag/team": t.name, "aws:PrincipalTag/studiouserid": t.scientist };
        const otherProfile = sm(`user-profile/d-${o.name}/${o.scientist}`);
        rows.push(
            row(
                {
                    ...persona("DataScientist"),
                    id: `attack-permission-set-retag-other-team/${t.name}`,
                    area: "Attacks",
                    title: `${t.scientist} (${t.name}) with the DataScientist permission set re-tags ${o.name}'s profile of ${o.scientist} with their own studiouserid`,
                    controls: ["I1", "I3"],
                    request: request(sso("DataScientist"), "sagemaker:AddTags", otherProfile, {
                        ...personaTags,
                        "aws:RequestTag/studiouserid": t.scientist,
                        "aws:TagKeys": ["studiouserid"],
                        "aws:ResourceTag/team": o.name,
                    }),
                },
                { expected: "ExplicitlyDenied", decidedBy: "DenyOtherTeamsSageMakerResources" },
            ),
        );
        rows.push(
            row(
                {
                    ...persona("DataScientist"),
                    id: `attack-permission-set-retag-own-team/${t.name}`,
                    area: "Attacks",
                    title: `${t.scientist} with the DataScientist permission set re-tags teammate ${teammate}'s profile (no creation under way)`,
                    controls: ["I1", "I2"],
                    request: request(sso("DataScientist"), "sagemaker:AddTags", profile(teammate), {
                        ...personaTags,
                        "aws:RequestTag/studiouserid": t.scientist,
                        "aws:TagKeys": ["studiouserid"],
                        "aws:ResourceTag/team": t.name,
                    }),
                },
                { expected: "ExplicitlyDenied", decidedBy: "DenyTagChangesOutsideCreate" },
            ),
        );
        rows.push(
            row(
                {
                    ...persona("DataScientist"),
                    id: `attack-permission-set-presigned-outside/${t.name}`,
                    area: "Attacks",
                    title: `${t.scientist} with the DataScientist permission set opens their own profile from ${w.outsideIp}`,
                    controls: ["N8"],
                    request: request(sso("DataScientist"), "sagemaker:CreatePresignedDomainUrl", profile(t.scientist), {
                        ...personaTags,
                        "aws:SourceIp": w.outsideIp,
                        "sagemaker:ResourceTag/studiouserid": t.scientist,
                        "aws:ResourceTag/team": t.name,
                    }),
                },
                {
                    expected: "ExplicitlyDenied",
                    decidedBy: w.corporateIp ? "DenyPresignedUrlOutsideCorporateNetworkOrVpce" : "DenyStudioWithoutCorporateRange",
                },
            ),
        );
        if (w.corporateIp) {
            rows.push(
                row(
                    {
                        ...persona("DataScientist"),
                        id: `permission-set-presigned-own-corporate/${t.name}`,
                        area: "Attacks",
                        title: `${t.scientist} with the DataScientist permission set opens their own profile from the corporate network`,
                        controls: ["I1", "N8"],
                        request: request(sso("DataScientist"), "sagemaker:CreatePresignedDomainUrl", profile(t.scientist), {
                            ...personaTags,
                            "aws:SourceIp": w.corporateIp,
                            "sagemaker:ResourceTag/studiouserid": t.scientist,
                            "aws:ResourceTag/team": t.name,
                        }),
                    },
                    { expected: "Allowed" },
                ),
            );
        }
        rows.push(
            row(
                {
                    ...persona("TeamLead"),
                    id: `attack-permission-set-create-profile/${t.name}`,
                    area: "Attacks",
                    title: `${t.name}'s lead with the TeamLead permission set creates a profile in ${o.name}'s domain (it would run as that domain's default role)`,
                    controls: ["I3", "I4"],
                    request: request(sso("TeamLead"), "sagemaker:CreateUserProfile", sm(`user-profile/d-${o.name}/intruder`), {
                        ...personaTags,
                        "aws:RequestTag/team": t.name,
                        "aws:TagKeys": ["team"],
                    }),
                },
                { expected: "ImplicitlyDenied" },
            ),
        );
        const pass = (target: string) =>
            request(sso("DataScientist"), "iam:PassRole", target, {
                ...personaTags,
                "iam:PassedToService": `sagemaker.amazonaws.com${w.partition === "aws-cn" ? ".cn" : ""}`,
            });
        rows.push(
            row(
                {
                    ...persona("DataScientist"),
                    id: `permission-set-pass-own-team-role/${t.name}`,
                    area: "Attacks",
                    title: `${t.scientist} with the DataScientist permission set passes ${t.name}'s training role (under /secure-ds/...) to a job`,
                    controls: ["I4"],
                    request: pass(t.roleArn("training")),
                },
                { expected: "Allowed" },
            ),
        );
        rows.push(
            row(
                {
                    ...persona("DataScientist"),
                    id: `attack-permission-set-pass-other-team-role/${t.name}`,
                    area: "Attacks",
                    title: `${t.scientist} with the DataScientist permission set passes ${o.name}'s training role to a job`,
                    controls: ["I4", "I3"],
                    request: pass(o.roleArn("training")),
                },
                { expected: "ImplicitlyDenied" },
            ),
        );

        // ---- Legitimate rows next to the attacks
        rows.push(
            row(
                {
                    identity: t.identity("training"),
                    boundary: t.boundary,
                    scps: w.scps,
                    id: `training-role-reads-team-data/${t.name}`,
                    area: "Attacks",
                    title: `${t.name}'s training role (a running job) reads its team's data through the S3 endpoint`,
                    controls: ["N10", "I3"],
                    request: request(t.roleArn("training"), "s3:GetObject", `${t.bucketArn("data")}/train/part-0000.csv`, throughS3Endpoint),
                    resourcePolicy: t.bucketPolicy("data"),
                    endpointPolicies: w.endpoint("s3"),
                },
                { expected: "Allowed" },
            ),
        );

        // ---- 16.2: what Studio calls with the execution role when a user opens JupyterLab or Code Editor
        const launch = (id: string, title: string, action: string, resource: string, context: Record<string, string | string[]>): Scenario =>
            row(
                {
                    ...asStudio,
                    id: `studio-launch-${id}/${t.name}`,
                    area: "Studio launch",
                    title: `${t.scientist}'s Studio session ${title}`,
                    controls: ["I1", "G1", "G2", "I7"],
                    request: request(studio, action, resource, session(context)),
                },
                { expected: "Allowed" },
            );
        const appType = w.studioInstanceTypes[0];
        rows.push(launch("describe-domain", "reads the domain", "sagemaker:DescribeDomain", sm(`domain/${t.domainId}`), { "aws:ResourceTag/team": t.name }));
        rows.push(
            launch("describe-profile", "reads its own profile", "sagemaker:DescribeUserProfile", profile(t.scientist), { "aws:ResourceTag/team": t.name }),
        );
        rows.push(launch("list-spaces", "lists the domain's spaces", "sagemaker:ListSpaces", "*", {}));
        rows.push(launch("list-apps", "lists the domain's apps", "sagemaker:ListApps", "*", {}));
        for (const [kind, app] of [
            ["jupyterlab", "JupyterLab"],
            ["codeeditor", "CodeEditor"],
        ] as const) {
            const space = sm(`space/${t.domainId}/${t.scientist}-${kind}`);
            const appArn = sm(`app/${t.domainId}/${t.scientist}-${kind}/${kind}/default`);
            rows.push(
                launch(`create-space-${kind}`, `creates its private ${app} space`, "sagemaker:CreateSpace", space, {
                    ...privateOwn,
                    "sagemaker:InstanceTypes": [appType],
                    "sagemaker:ImageArns": [distributionImage],
                }),
            );
            rows.push(
                launch(`tag-space-${kind}`, `tags the ${app} space it creates (tag propagation)`, "sagemaker:AddTags", space, {
                    "sagemaker:TaggingAction": "CreateSpace",
                    "aws:RequestTag/team": t.name,
                    "aws:TagKeys": ["team"],
                }),
            );
            rows.push(launch(`describe-space-${kind}`, `reads its ${app} space`, "sagemaker:DescribeSpace", space, { "aws:ResourceTag/team": t.name }));
            rows.push(
                launch(`update-space-${kind}`, `changes its ${app} space's instance type within the Studio list`, "sagemaker:UpdateSpace", space, {
                    ...privateOwn,
                    "sagemaker:InstanceTypes": [w.studioInstanceTypes[w.studioInstanceTypes.length - 1]],
                    "aws:ResourceTag/team": t.name,
                }),
            );
            rows.push(
                launch(`create-app-${kind}`, `starts ${app} in its private space`, "sagemaker:CreateApp", appArn, {
                    ...privateOwn,
                    "sagemaker:InstanceTypes": [appType],
                    "sagemaker:ImageArns": [distributionImage],
                }),
            );
            rows.push(
                launch(`tag-app-${kind}`, `tags the ${app} app it creates (tag propagation)`, "sagemaker:AddTags", appArn, {
                    "sagemaker:TaggingAction": "CreateApp",
                    "aws:RequestTag/team": t.name,
                    "aws:TagKeys": ["team"],
                }),
            );
            rows.push(launch(`describe-app-${kind}`, `reads its ${app} app`, "sagemaker:DescribeApp", appArn, { "aws:ResourceTag/team": t.name }));
            rows.push(launch(`delete-app-${kind}`, `stops its ${app} app`, "sagemaker:DeleteApp", appArn, { ...privateOwn, "aws:ResourceTag/team": t.name }));
        }
        rows.push(
            launch(
                "app-in-shared-space",
                "starts JupyterLab in the team's shared space",
                "sagemaker:CreateApp",
                sm(`app/${t.domainId}/${t.name}-shared/jupyterlab/default`),
                {
                    "sagemaker:OwnerUserProfileArn": profile(teammate),
                    "sagemaker:SpaceSharingType": "Shared",
                    "sagemaker:InstanceTypes": [appType],
                },
            ),
        );

        // ---- 16.3, 16.6: the SDK path
        const tags = w.sdkTags(t.name);
        const job = (
            id: string,
            title: string,
            controls: string[],
            context: Record<string, string | string[]>,
            decision: { expected: Decision; decidedBy?: string },
        ): Scenario =>
            row(
                {
                    ...asStudio,
                    id: `${id}/${t.name}`,
                    area: "Training jobs",
                    title,
                    controls,
                    request: request(studio, "sagemaker:CreateTrainingJob", sm(`training-job/${t.name}-sdk-job`), context),
                },
                decision,
            );
        // What estimator.fit() sends with the lifecycle script's SDK defaults and nothing else.
        const sdkDefaults = (instanceType: string): Record<string, string | string[]> => ({
            "sagemaker:VpcSubnets": t.subnetIds,
            "sagemaker:VpcSecurityGroupIds": t.securityGroupIds,
            // The SDK leaves the configured volume key out for instance-store types (instance_supports_kms).
            ...(hasInstanceStore(instanceType) ? {} : { "sagemaker:VolumeKmsKeyArn": t.kmsKeyArn }),
            "sagemaker:OutputKmsKeyArn": t.kmsKeyArn,
            "sagemaker:InterContainerTrafficEncryption": "true",
            "sagemaker:InstanceTypes": [instanceType],
            "sagemaker:MaxRuntimeInSeconds": String(Math.min(86400, t.maxJobRuntimeSeconds)),
            ...(t.networkIsolation ? { "sagemaker:NetworkIsolation": "true" } : {}),
            ...Object.fromEntries(Object.entries(tags).map(([k, v]) => [`aws:RequestTag/${k}`, v])),
            "aws:TagKeys": Object.keys(tags),
        });
        const cpu = t.jobInstanceTypes.find((x) => !hasInstanceStore(x));
        if (cpu) {
            rows.push(
                job(
                    "sdk-estimator-fit-defaults",
                    `${t.scientist} calls estimator.fit() on ${cpu} with nothing but the SDK defaults the lifecycle script wrote (VPC, keys, mandatory tags)`,
                    ["N3", "E2", "E3", "E4", "G1"],
                    sdkDefaults(cpu),
                    { expected: "Allowed" },
                ),
            );
            const { ["sagemaker:VolumeKmsKeyArn"]: _volume, ...keyless } = sdkDefaults(cpu);
            rows.push(
                job("sdk-non-instance-store-without-volume-key", `${t.scientist} starts a job on ${cpu} (EBS volumes) without a volume key`, ["E2"], keyless, {
                    expected: "ExplicitlyDenied",
                    decidedBy: "DenyJobsWithoutVolumeKmsKey",
                }),
            );
            const { ["sagemaker:VpcSubnets"]: _s, ["sagemaker:VpcSecurityGroupIds"]: _g, ...noVpc } = sdkDefaults(cpu);
            rows.push(
                job("sdk-job-without-vpc", `${t.scientist} starts a job with the SDK defaults but the VPC config removed`, ["N3"], noVpc, {
                    expected: "ExplicitlyDenied",
                    decidedBy: "DenyJobsWithoutVpcSubnets",
                }),
            );
        }
        const store = t.jobInstanceTypes.find(hasInstanceStore);
        if (store) {
            rows.push(
                job(
                    "sdk-gpu-instance-store-job",
                    `${t.scientist} trains on ${store} (local NVMe storage, which takes no volume key) with the SDK defaults`,
                    ["E2", "E3", "G2"],
                    sdkDefaults(store),
                    { expected: "Allowed" },
                ),
            );
        }
    }

    // ---- 15.9: the SCP holds Studio apps to the Studio list, whoever asks
    if (w.scps) {
        const d = w.deployer;
        rows.push(
            row(
                {
                    identity: d.identity,
                    scps: w.scps,
                    id: "attack-scp-gpu-app",
                    area: "Attacks",
                    title: `An account administrator (AdministratorAccess, no boundary) starts a Studio app on ${gpu}`,
                    controls: ["G2", "G8"],
                    request: request(d.arn, "sagemaker:CreateApp", sm(`app/${teams[0].domainId}/x-space/jupyterlab/default`), {
                        "sagemaker:InstanceTypes": [gpu],
                    }),
                },
                { expected: "ExplicitlyDenied", decidedBy: "DenyAppInstanceTypesOffAllowList" },
            ),
        );
    }

    // ---- 15.1: delegated roles trust only the organisation (RCP), where an organisation exists
    if (w.rcps) {
        const t = teams[0];
        const target = `arn:${w.partition}:iam::${w.workload}:role${t.delegatedRolePath}attacker`;
        const trust = (principal: string): SourcedPolicy => ({
            name: "trust policy the team admin wrote",
            source: "builder",
            origin: "a delegated role's trust policy naming the caller (iam:CreateRole has no condition key on it)",
            document: policyDocument([{ Effect: "Allow", Principal: { AWS: principal }, Action: "sts:AssumeRole" }]),
        });
        const outsider = "arn:aws:iam::999999999999:role/attacker";
        rows.push({
            id: "attack-outside-account-assumes-delegated-role",
            area: "Attacks",
            title: `A role in an account outside the organisation assumes a ${t.name} delegated role whose trust policy names it`,
            controls: ["I3"],
            expected: "ExplicitlyDenied",
            decidedBy: "DenyAssumePlatformRolesOutsideOrganization",
            request: {
                principal: outsider,
                action: "sts:AssumeRole",
                resource: target,
                resourceAccount: w.workload,
                context: { "aws:PrincipalArn": outsider, "aws:PrincipalAccount": "999999999999", "aws:SecureTransport": "true" },
            },
            identity: [OUTSIDER],
            resourcePolicy: trust(outsider),
            rcps: w.rcps,
        });
        const insider = w.deployer.arn;
        rows.push({
            id: "organization-principal-assumes-delegated-role",
            area: "Attacks",
            title: `A principal of the organisation assumes a ${t.name} delegated role whose trust policy names it`,
            controls: ["I3"],
            expected: "Allowed",
            request: {
                principal: insider,
                action: "sts:AssumeRole",
                resource: target,
                resourceAccount: w.workload,
                context: w.principalContext(insider, w.workload),
            },
            identity: [ANYTHING],
            resourcePolicy: trust(insider),
            rcps: w.rcps,
        });
    }
    return rows;
}
