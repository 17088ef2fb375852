import { describe, expect, it } from "vitest";
import { SecureStudioDomain } from "../../components/studio/SecureStudioDomain";
import { STUDIO_APP_INSTANCE_TYPES } from "../../components/studio/instanceTypes";
import { PolicyDocument } from "../../components/guardrails/document";
import {
    API_ENDPOINT,
    KEY_ADMINS,
    STUDIO_ENDPOINT,
    TEAM_KEY,
    USERS,
    at,
    domainArgs,
    fakeNetwork,
    fakeTeam,
    ofType,
    one,
    runDomain,
    runStudio,
} from "./fixtures";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

const DOMAIN = "aws:sagemaker/domain:Domain";
const PROFILE = "aws:sagemaker/userProfile:UserProfile";
const LCC = "aws:sagemaker/studioLifecycleConfig:StudioLifecycleConfig";
const SG = "aws:ec2/securityGroup:SecurityGroup";
const KEY = "aws:kms/key:Key";
const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
const SPACE = "aws:sagemaker/space:Space";

describe("SecureStudioDomain: the domain", async () => {
    const { resources } = await runDomain();
    const domain = one(resources, DOMAIN);
    const input = (path: string) => at(domain.inputs, path);

    it("is VpcOnly in the platform's subnets and VPC (N1, N2)", () => {
        expect(input("appNetworkAccessType")).toBe("VpcOnly");
        expect(input("vpcId")).toBe("vpc-0123456789abcdef0");
        expect(input("subnetIds")).toEqual(["subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"]);
        expect(input("authMode")).toBe("IAM");
        expect(input("domainName")).toBe("acme-dev-fraud");
    });

    it("names the domain security group in domain settings and default user settings (N2)", () => {
        expect(input("domainSettings.securityGroupIds")).toEqual(["sg-0domain0000000000"]);
        expect(input("defaultUserSettings.securityGroups")).toEqual(["sg-0domain0000000000"]);
        expect(input("defaultSpaceSettings.securityGroups")).toEqual(["sg-0domain0000000000"]);
    });

    it("records the user in CloudTrail, disables Docker, propagates tags (I5, I7)", () => {
        expect(input("domainSettings.executionRoleIdentityConfig")).toBe("USER_PROFILE_NAME");
        expect(input("domainSettings.dockerSettings.enableDockerAccess")).toBe("DISABLED");
        expect(input("tagPropagation")).toBe("ENABLED");
    });

    it("encrypts the home EFS with its own customer key and retains it (E1, G9)", () => {
        const key = ofType(resources, KEY).find((k) => k.name === "fraud-home-key-key");
        expect(key).toBeDefined();
        expect(input("kmsKeyId")).toBe(key!.outputs.arn);
        expect(input("kmsKeyId")).not.toBe(TEAM_KEY);
        expect(input("retentionPolicy.homeEfsFileSystem")).toBe("Retain");
        expect(domain.options.protect).toBe(true);
        expect(domain.options.retainOnDelete).toBe(true);
        expect(key!.options.protect).toBe(true);
    });

    it("limits the home key to EFS, EBS and SageMaker for the deployer and the team's Studio roles", () => {
        const key = ofType(resources, KEY).find((k) => k.name === "fraud-home-key-key")!;
        const policy = JSON.parse(String(key.inputs.policy)) as PolicyDocument;
        const use = policy.Statement.find((s) => s.Sid === "KeyUse")!;
        expect(use.Principal).toEqual({
            AWS: [
                "arn:aws:iam::111111111111:role/secure-ds-deployer",
                "arn:aws:iam::111111111111:role/secure-ds-key-break-glass",
                "arn:aws:iam::111111111111:role/secure-ds/fraud/acme-dev-fraud-space",
                "arn:aws:iam::111111111111:role/secure-ds/fraud/acme-dev-fraud-studio",
            ],
        });
        expect(use.Condition).toEqual({
            StringEquals: {
                "kms:ViaService": ["elasticfilesystem.eu-west-1.amazonaws.com", "ec2.eu-west-1.amazonaws.com", "sagemaker.eu-west-1.amazonaws.com"],
            },
        });
        expect(policy.Statement.find((s) => s.Sid === "KeyAdministration")!.Condition).toEqual({ ArnEquals: { "aws:PrincipalArn": KEY_ADMINS } });
    });

    it("runs users as the team's Studio role and shared spaces as the team's space role (I3)", () => {
        expect(input("defaultUserSettings.executionRole")).toBe("arn:aws:iam::111111111111:role/secure-ds/fraud/acme-dev-fraud-studio");
        expect(input("defaultSpaceSettings.executionRole")).toBe("arn:aws:iam::111111111111:role/secure-ds/fraud/acme-dev-fraud-space");
    });

    it("disables sharing but still names the team key (E5, the org SCP requires the key)", () => {
        expect(input("defaultUserSettings.sharingSettings")).toEqual({ notebookOutputOption: "Disabled", s3KmsKeyId: TEAM_KEY });
    });

    it("shuts idle JupyterLab apps and spaces down natively, users may only shorten the timeout (G7)", () => {
        const idle = { lifecycleManagement: "ENABLED", idleTimeoutInMinutes: 120, minIdleTimeoutInMinutes: 60, maxIdleTimeoutInMinutes: 120 };
        expect(input("defaultUserSettings.jupyterLabAppSettings.appLifecycleManagement.idleSettings")).toEqual(idle);
        expect(input("defaultSpaceSettings.jupyterLabAppSettings.appLifecycleManagement.idleSettings")).toEqual(idle);
    });

    it("runs the lifecycle script by default and offers only it (S1)", () => {
        const lcc = one(resources, LCC);
        expect(lcc.inputs.studioLifecycleConfigAppType).toBe("JupyterLab");
        expect(lcc.inputs.studioLifecycleConfigName).toBe("acme-dev-fraud-jupyterlab");
        const script = Buffer.from(String(lcc.inputs.studioLifecycleConfigContent), "base64").toString("utf8");
        expect(script).toContain('readonly PARAMETER_PATH="/secure-ds/fraud/"');
        expect(input("defaultUserSettings.jupyterLabAppSettings.lifecycleConfigArns")).toEqual([lcc.outputs.arn]);
        expect(input("defaultUserSettings.jupyterLabAppSettings.defaultResourceSpec")).toEqual({
            instanceType: "ml.t3.medium",
            lifecycleConfigArn: lcc.outputs.arn,
        });
        expect(input("defaultSpaceSettings.jupyterLabAppSettings.defaultResourceSpec")).toEqual({
            instanceType: "ml.t3.medium",
            lifecycleConfigArn: lcc.outputs.arn,
        });
    });

    it("hides every Studio instance type off the allow-list, and apps it does not configure (G2)", () => {
        const hidden = input("defaultUserSettings.studioWebPortalSettings.hiddenInstanceTypes") as string[];
        expect(hidden).not.toContain("ml.t3.medium");
        expect(hidden).not.toContain("ml.m5.2xlarge");
        expect(hidden).toContain("ml.p4d.24xlarge");
        expect(hidden).toContain("ml.g5.xlarge");
        expect(hidden).toHaveLength(STUDIO_APP_INSTANCE_TYPES.length - 7);
        expect(input("defaultUserSettings.studioWebPortalSettings.hiddenAppTypes")).toEqual(["CodeEditor", "Canvas", "RStudioServerPro"]);
        expect(input("defaultUserSettings.codeEditorAppSettings")).toBeUndefined();
    });
});

describe("SecureStudioDomain: user profiles (N9, I2)", async () => {
    const { resources } = await runDomain();
    const profiles = ofType(resources, PROFILE);
    const groups = ofType(resources, SG);

    it("creates one profile per user, tagged with studiouserid and the team", () => {
        expect(profiles.map((p) => p.inputs.userProfileName).sort()).toEqual(["alice", "bob"]);
        for (const p of profiles) {
            expect(p.inputs.tags).toEqual({ team: "fraud", studiouserid: p.inputs.userProfileName });
            expect(p.inputs.domainId).toBe(one(resources, DOMAIN).id);
        }
    });

    it("gives each profile its own security group from the network's factory, and nothing else in userSettings", () => {
        expect(groups).toHaveLength(2);
        const byUser = new Map(profiles.map((p) => [String(p.inputs.userProfileName), p]));
        for (const user of ["alice", "bob"]) {
            const sg = groups.find((g) => g.name === `user-${user}`)!;
            const profile = byUser.get(user)!;
            expect(profile.inputs.userSettings).toEqual({
                executionRole: "arn:aws:iam::111111111111:role/secure-ds/fraud/acme-dev-fraud-studio",
                securityGroups: [sg.id],
            });
            // The group is a child of the user's profile component: removing the user removes both.
            expect(sg.parent).toBe(resources.find((r) => r.type === "secure-ds:studio:StudioUserProfile" && r.name === `fraud-${user}`)!.urn);
        }
        expect(new Set(profiles.map((p) => (p.inputs.userSettings as { securityGroups: string[] }).securityGroups[0])).size).toBe(2);
    });

    it("uses a per-user execution role when the team has one", async () => {
        const team = fakeTeam(USERS, { userExecutionRoleArns: { bob: pulumi.output("arn:aws:iam::111111111111:role/secure-ds/fraud/acme-dev-fraud-u-bob") } });
        const run = await runDomain(domainArgs({ team }));
        const bob = ofType(run.resources, PROFILE).find((p) => p.inputs.userProfileName === "bob")!;
        const alice = ofType(run.resources, PROFILE).find((p) => p.inputs.userProfileName === "alice")!;
        expect(at(bob.inputs, "userSettings.executionRole")).toBe("arn:aws:iam::111111111111:role/secure-ds/fraud/acme-dev-fraud-u-bob");
        expect(at(alice.inputs, "userSettings.executionRole")).toBe("arn:aws:iam::111111111111:role/secure-ds/fraud/acme-dev-fraud-studio");
    });

    it("binds profiles to Identity Center users in SSO mode", async () => {
        const run = await runDomain(
            domainArgs({ authMode: "SSO", identityCenterUserName: "email", team: fakeTeam([{ name: "alice", role: "admin", email: "alice@example.com" }]) }),
        );
        const alice = one(run.resources, PROFILE);
        expect(alice.inputs.singleSignOnUserIdentifier).toBe("UserName");
        expect(alice.inputs.singleSignOnUserValue).toBe("alice@example.com");
        expect(one(run.resources, DOMAIN).inputs.authMode).toBe("SSO");
    });
});

describe("SecureStudioDomain: presigned-URL perimeter on the data-scientist role", async () => {
    const { resources } = await runDomain(domainArgs({ presignedUrlSourceIps: ["203.0.113.0/24"] }));
    const policy = one(resources, ROLE_POLICY);
    const doc = JSON.parse(String(policy.inputs.policy)) as PolicyDocument;
    const domainId = one(resources, DOMAIN).id;

    it("is attached to the team's data-scientist role", () => {
        expect(policy.inputs.role).toBe("acme-dev-fraud-scientist");
    });

    it("allows opening only the caller's own profile in the team's domain (I1)", () => {
        const allow = doc.Statement.find((s) => s.Sid === "OpenOwnStudioProfile")!;
        expect(allow.Resource).toBe(`arn:aws:sagemaker:eu-west-1:111111111111:user-profile/${domainId}/*`);
        expect(allow.Condition).toEqual({ StringEquals: { "sagemaker:ResourceTag/studiouserid": "${aws:PrincipalTag/studiouserid}" } });
    });

    it("denies presigned URLs outside the corporate ranges and the Studio/API endpoints, in one statement (N8)", () => {
        const deny = doc.Statement.find((s) => s.Sid === "DenyPresignedUrlOutsideCorporateNetworkOrVpce")!;
        expect(deny.Effect).toBe("Deny");
        expect(deny.Condition).toEqual({
            NotIpAddress: { "aws:SourceIp": ["203.0.113.0/24"] },
            StringNotEquals: { "aws:SourceVpce": [STUDIO_ENDPOINT, API_ENDPOINT] },
        });
    });
});

describe("SecureStudioDomain: options", () => {
    it("enables sharing into the team's outputs bucket with the team key (E5)", async () => {
        const { resources } = await runDomain(domainArgs({ notebookSharing: "enabled" }));
        expect(at(one(resources, DOMAIN).inputs, "defaultUserSettings.sharingSettings")).toEqual({
            notebookOutputOption: "Allowed",
            s3OutputPath: "s3://acme-dev-fraud-outputs-111111111111/sharing/",
            s3KmsKeyId: TEAM_KEY,
        });
    });

    it("adds Code Editor with its own lifecycle configuration and idle shutdown", async () => {
        const { resources } = await runDomain(domainArgs({ codeEditor: true, idleMinutes: 90 }));
        const lccs = ofType(resources, LCC);
        expect(lccs.map((l) => l.inputs.studioLifecycleConfigAppType).sort()).toEqual(["CodeEditor", "JupyterLab"]);
        const ce = lccs.find((l) => l.inputs.studioLifecycleConfigAppType === "CodeEditor")!;
        const domain = one(resources, DOMAIN);
        expect(at(domain.inputs, "defaultUserSettings.codeEditorAppSettings.lifecycleConfigArns")).toEqual([ce.outputs.arn]);
        expect(at(domain.inputs, "defaultUserSettings.codeEditorAppSettings.appLifecycleManagement.idleSettings.idleTimeoutInMinutes")).toBe(90);
        expect(at(domain.inputs, "defaultUserSettings.studioWebPortalSettings.hiddenAppTypes")).toEqual(["Canvas", "RStudioServerPro"]);
    });

    it("creates the team's shared space owned by its admin, with idle shutdown and the lifecycle script", async () => {
        const { resources } = await runDomain(domainArgs({ sharedSpace: true }));
        const space = one(resources, SPACE);
        expect(space.inputs.spaceName).toBe("fraud-shared");
        expect(space.inputs.spaceSharingSettings).toEqual({ sharingType: "Shared" });
        expect(space.inputs.ownershipSettings).toEqual({ ownerUserProfileName: "alice" });
        expect(at(space.inputs, "spaceSettings.jupyterLabAppSettings.appLifecycleManagement.idleSettings.idleTimeoutInMinutes")).toBe(120);
        expect(at(space.inputs, "spaceSettings.jupyterLabAppSettings.defaultResourceSpec.lifecycleConfigArn")).toBe(one(resources, LCC).outputs.arn);
    });

    it("defaults the JupyterLab instance to the first allowed app type when ml.t3.medium is not allowed", async () => {
        const { resources } = await runDomain(domainArgs({ allowedInstanceTypes: ["ml.m5.large", "ml.m5.xlarge"] }));
        expect(at(one(resources, DOMAIN).inputs, "defaultUserSettings.jupyterLabAppSettings.defaultResourceSpec.instanceType")).toBe("ml.m5.large");
    });
});

describe("SecureStudioDomain: input validation, before any resource is registered", () => {
    const rejects = async (overrides: Parameters<typeof domainArgs>[0], message: RegExp) => {
        let error: unknown;
        const { resources } = await runStudio(() => {
            try {
                new SecureStudioDomain("fraud", domainArgs(overrides));
            } catch (err) {
                error = err;
            }
            // The mock engine insists on at least one cloud resource.
            new aws.s3.Bucket("marker", {});
        });
        expect(String(error)).toMatch(message);
        expect(resources.filter((r) => r.custom && r.name !== "marker").map((r) => r.urn)).toEqual([]);
    };

    it("rejects idle minutes out of range", async () => {
        await rejects({ idleMinutes: 30 }, /idleMinutes 30 is out of range; SageMaker accepts whole minutes from 60 to 525600/);
        await rejects({ idleMinutes: 525601 }, /idleMinutes 525601 is out of range/);
        await rejects({ idleMinutes: 90.5 }, /idleMinutes 90.5 is out of range/);
    });

    it("rejects unknown instance types and lists without an app type", async () => {
        await rejects({ allowedInstanceTypes: ["ml.m5.large", "ml.x9.huge"] }, /unknown instance types ml\.x9\.huge/);
        await rejects({ allowedInstanceTypes: [] }, /allowedInstanceTypes is empty/);
        await rejects({ allowedInstanceTypes: ["ml.inf2.xlarge"] }, /has no type Studio apps can run on/);
    });

    it("rejects SSO without Identity Center settings, and e-mail user names without e-mails", async () => {
        await rejects({ authMode: "SSO" }, /authMode is SSO but identityCenterUserName is not set/);
        await rejects({ authMode: "SSO", identityCenterUserName: "email" }, /users bob have no email/);
    });

    it("rejects a network without a way to open Studio", async () => {
        await rejects({ network: fakeNetwork({ interfaceEndpointIds: {} }) }, /no "studio" interface endpoint and no presigned-URL source IPs/);
    });

    it("rejects duplicate users", async () => {
        await rejects({ team: fakeTeam([...USERS, USERS[1]]) }, /user bob is listed twice/);
    });
});
