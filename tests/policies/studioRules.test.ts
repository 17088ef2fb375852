import { describe, expect, it } from "vitest";
import { studioDomainDockerDisabled } from "../../policy-pack/policies/sagemaker/studio-domain-docker-disabled";
import { studioDomainHomeRetention } from "../../policy-pack/policies/sagemaker/studio-domain-home-retention";
import { studioDomainUserIdentity } from "../../policy-pack/policies/sagemaker/studio-domain-user-identity";
import { studioDomainIdleShutdown } from "../../policy-pack/policies/sagemaker/studio-domain-idle-shutdown";
import { studioDomainSecurityGroups } from "../../policy-pack/policies/sagemaker/studio-domain-security-groups";
import { studioSharingEncrypted } from "../../policy-pack/policies/sagemaker/studio-sharing-encrypted";
import { studioUserProfileOwnSecurityGroup } from "../../policy-pack/policies/sagemaker/studio-user-profile-own-security-group";
import { studioUserProfileStudiouserid } from "../../policy-pack/policies/sagemaker/studio-user-profile-studiouserid";
import { policies } from "../../policy-pack/policies";

import { TYPES } from "../../policy-pack/policies/common";
import { UNKNOWN, runResourcePolicy, runStackPolicy } from "../harness/policyArgs";

const studioPolicies = policies.filter((p) =>
    [
        "studio-domain-home-retention",
        "studio-domain-user-identity",
        "studio-domain-security-groups",
        "studio-domain-idle-shutdown",
        "studio-sharing-encrypted",
        "studio-domain-docker-disabled",
        "studio-user-profile-studiouserid",
        "studio-user-profile-own-security-group",
    ].includes(p.name),
);

const KEY = "arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const IDLE = { lifecycleManagement: "ENABLED", idleTimeoutInMinutes: 120, minIdleTimeoutInMinutes: 60, maxIdleTimeoutInMinutes: 120 };

/** A compliant domain as SecureStudioDomain builds it; cases change one property at a time. */
function domain(): Record<string, unknown> {
    return {
        appNetworkAccessType: "VpcOnly",
        kmsKeyId: KEY,
        retentionPolicy: { homeEfsFileSystem: "Retain" },
        domainSettings: {
            securityGroupIds: ["sg-domain"],
            executionRoleIdentityConfig: "USER_PROFILE_NAME",
            dockerSettings: { enableDockerAccess: "DISABLED" },
        },
        defaultUserSettings: {
            executionRole: "arn:aws:iam::111111111111:role/studio",
            securityGroups: ["sg-domain"],
            sharingSettings: { notebookOutputOption: "Disabled", s3KmsKeyId: KEY },
            jupyterLabAppSettings: { appLifecycleManagement: { idleSettings: IDLE } },
        },
        defaultSpaceSettings: {
            executionRole: "arn:aws:iam::111111111111:role/space",
            jupyterLabAppSettings: { appLifecycleManagement: { idleSettings: IDLE } },
        },
    };
}
const check = (policy: Parameters<typeof runResourcePolicy>[0], props: Record<string, unknown>, config?: Record<string, unknown>) =>
    runResourcePolicy(policy, { type: TYPES.sagemakerDomain, name: "fraud", props, config });
const mutate = (fn: (d: Record<string, any>) => void) => {
    const d = JSON.parse(JSON.stringify(domain())) as Record<string, any>;
    fn(d);
    return d;
};

describe("the studio area", () => {
    it("lists every studio rule once, each with controls and a remediation", () => {
        expect(studioPolicies.map((p) => p.name)).toEqual([
            "studio-domain-home-retention",
            "studio-domain-user-identity",
            "studio-domain-security-groups",
            "studio-domain-idle-shutdown",
            "studio-sharing-encrypted",
            "studio-domain-docker-disabled",
            "studio-user-profile-studiouserid",
            "studio-user-profile-own-security-group",
        ]);
        for (const p of studioPolicies) {
            expect(p.controls.length).toBeGreaterThan(0);
            expect(p.remediation.length).toBeGreaterThan(20);
        }
    });

    it("passes the compliant domain on every domain rule", async () => {
        for (const p of [
            studioDomainHomeRetention,
            studioDomainUserIdentity,
            studioDomainSecurityGroups,
            studioDomainIdleShutdown,
            studioSharingEncrypted,
            studioDomainDockerDisabled,
        ]) {
            expect(await check(p, domain())).toEqual([]);
        }
    });
});

describe("studio-domain-home-retention (G9)", () => {
    it("reports Delete and a missing retention policy", async () => {
        const del = await check(
            studioDomainHomeRetention,
            mutate((d) => (d.retentionPolicy.homeEfsFileSystem = "Delete")),
        );
        expect(del).toHaveLength(1);
        expect(del[0]).toContain("Delete");
        expect(
            await check(
                studioDomainHomeRetention,
                mutate((d) => delete d.retentionPolicy),
            ),
        ).toHaveLength(1);
        expect(
            await check(
                studioDomainHomeRetention,
                mutate((d) => (d.retentionPolicy = {})),
            ),
        ).toHaveLength(1);
    });
    it("skips unknown values and other types", async () => {
        expect(
            await check(
                studioDomainHomeRetention,
                mutate((d) => (d.retentionPolicy = UNKNOWN)),
            ),
        ).toEqual([]);
        expect(await runResourcePolicy(studioDomainHomeRetention, { type: TYPES.kmsKey, props: {} })).toEqual([]);
    });
});

describe("studio-domain-user-identity (I5)", () => {
    it("reports DISABLED and absent identity config", async () => {
        expect(
            await check(
                studioDomainUserIdentity,
                mutate((d) => (d.domainSettings.executionRoleIdentityConfig = "DISABLED")),
            ),
        ).toHaveLength(1);
        expect(
            await check(
                studioDomainUserIdentity,
                mutate((d) => delete d.domainSettings.executionRoleIdentityConfig),
            ),
        ).toHaveLength(1);
        expect(
            await check(
                studioDomainUserIdentity,
                mutate((d) => delete d.domainSettings),
            ),
        ).toHaveLength(1);
    });
});

describe("studio-domain-security-groups (N2)", () => {
    it("reports groups missing from the default user settings", async () => {
        const v = await check(
            studioDomainSecurityGroups,
            mutate((d) => delete d.defaultUserSettings.securityGroups),
        );
        expect(v).toHaveLength(1);
        expect(v[0]).toContain("lifecycle scripts hang");
        expect(
            await check(
                studioDomainSecurityGroups,
                mutate((d) => (d.defaultUserSettings.securityGroups = [])),
            ),
        ).toHaveLength(1);
    });
    it("reports groups missing from the domain settings", async () => {
        expect(
            await check(
                studioDomainSecurityGroups,
                mutate((d) => (d.domainSettings.securityGroupIds = [])),
            ),
        ).toHaveLength(1);
        expect(
            await check(
                studioDomainSecurityGroups,
                mutate((d) => delete d.domainSettings),
            ),
        ).toHaveLength(1);
    });
});

describe("studio-domain-idle-shutdown (G7)", () => {
    it("reports a domain without JupyterLab settings or idle settings", async () => {
        expect(
            await check(
                studioDomainIdleShutdown,
                mutate((d) => delete d.defaultUserSettings.jupyterLabAppSettings),
            ),
        ).toHaveLength(1);
        expect(
            await check(
                studioDomainIdleShutdown,
                mutate((d) => (d.defaultUserSettings.jupyterLabAppSettings = {})),
            ),
        ).toHaveLength(1);
    });
    it("reports idle shutdown turned off or not turned on", async () => {
        const off = await check(
            studioDomainIdleShutdown,
            mutate((d) => (d.defaultUserSettings.jupyterLabAppSettings.appLifecycleManagement.idleSettings.lifecycleManagement = "DISABLED")),
        );
        expect(off).toHaveLength(1);
        expect(off[0]).toContain("DISABLED");
        expect(
            await check(
                studioDomainIdleShutdown,
                mutate((d) => delete d.defaultUserSettings.jupyterLabAppSettings.appLifecycleManagement.idleSettings.lifecycleManagement),
            ),
        ).toHaveLength(1);
    });
    it("reports timeouts above the configured maximum, for users and spaces", async () => {
        expect(await check(studioDomainIdleShutdown, domain(), { maxIdleMinutes: 90 })).toHaveLength(4);
        expect(
            await check(
                studioDomainIdleShutdown,
                mutate((d) => (d.defaultUserSettings.jupyterLabAppSettings.appLifecycleManagement.idleSettings.maxIdleTimeoutInMinutes = 10000)),
            ),
        ).toHaveLength(1);
        expect(
            await check(
                studioDomainIdleShutdown,
                mutate((d) => (d.defaultSpaceSettings.jupyterLabAppSettings.appLifecycleManagement.idleSettings = { idleTimeoutInMinutes: 5000 })),
            ),
        ).toHaveLength(1);
    });
    it("checks Code Editor when the domain configures it", async () => {
        expect(
            await check(
                studioDomainIdleShutdown,
                mutate((d) => (d.defaultUserSettings.codeEditorAppSettings = { lifecycleConfigArns: [] })),
            ),
        ).toHaveLength(1);
        expect(
            await check(
                studioDomainIdleShutdown,
                mutate((d) => (d.defaultUserSettings.codeEditorAppSettings = { appLifecycleManagement: { idleSettings: IDLE } })),
            ),
        ).toEqual([]);
    });
});

describe("studio-sharing-encrypted (E5)", () => {
    it("passes sharing into a bucket with a customer key", async () => {
        const allowed = mutate(
            (d) => (d.defaultUserSettings.sharingSettings = { notebookOutputOption: "Allowed", s3OutputPath: "s3://b/sharing/", s3KmsKeyId: KEY }),
        );
        expect(await check(studioSharingEncrypted, allowed)).toEqual([]);
    });
    it("reports a missing key, an AWS-managed key, a missing path and missing settings", async () => {
        expect(
            await check(
                studioSharingEncrypted,
                mutate((d) => delete d.defaultUserSettings.sharingSettings.s3KmsKeyId),
            ),
        ).toHaveLength(1);
        expect(
            await check(
                studioSharingEncrypted,
                mutate((d) => (d.defaultUserSettings.sharingSettings.s3KmsKeyId = "alias/aws/s3")),
            ),
        ).toHaveLength(1);
        expect(
            await check(
                studioSharingEncrypted,
                mutate((d) => (d.defaultUserSettings.sharingSettings = { notebookOutputOption: "Allowed", s3KmsKeyId: KEY })),
            ),
        ).toHaveLength(1);
        expect(
            await check(
                studioSharingEncrypted,
                mutate((d) => delete d.defaultUserSettings.sharingSettings),
            ),
        ).toHaveLength(1);
    });
    it("checks user profiles that override sharing, and ignores those that inherit it", async () => {
        const profile = (userSettings: Record<string, unknown>) =>
            runResourcePolicy(studioSharingEncrypted, { type: TYPES.sagemakerUserProfile, props: { userSettings } });
        expect(await profile({ securityGroups: ["sg-1"] })).toEqual([]);
        expect(await profile({ sharingSettings: { notebookOutputOption: "Allowed", s3OutputPath: "s3://b/" } })).toHaveLength(1);
    });
});

describe("studio-domain-docker-disabled", () => {
    it("reports Docker enabled and an implicit setting", async () => {
        expect(
            await check(
                studioDomainDockerDisabled,
                mutate((d) => (d.domainSettings.dockerSettings.enableDockerAccess = "ENABLED")),
            ),
        ).toHaveLength(1);
        expect(
            await check(
                studioDomainDockerDisabled,
                mutate((d) => delete d.domainSettings.dockerSettings),
            ),
        ).toHaveLength(1);
    });
});

describe("studio-user-profile-studiouserid (I2)", () => {
    const profile = (props: Record<string, unknown>) =>
        runResourcePolicy(studioUserProfileStudiouserid, { type: TYPES.sagemakerUserProfile, name: "p", props });
    it("passes a profile tagged with its own name", async () => {
        expect(await profile({ userProfileName: "alice", tags: { studiouserid: "alice", team: "fraud" } })).toEqual([]);
    });
    it("reports a missing tag, an empty one and one naming another user", async () => {
        expect(await profile({ userProfileName: "alice", tags: { team: "fraud" } })).toHaveLength(1);
        expect(await profile({ userProfileName: "alice" })).toHaveLength(1);
        expect(await profile({ userProfileName: "alice", tags: { studiouserid: "" } })).toHaveLength(1);
        const other = await profile({ userProfileName: "alice", tags: { studiouserid: "bob" } });
        expect(other).toHaveLength(1);
        expect(other[0]).toContain("studiouserid=bob");
    });
});

describe("studio-user-profile-own-security-group (N9, stack)", () => {
    const sg = (name: string) => ({ type: "aws:ec2/securityGroup:SecurityGroup", name, props: { vpcId: "vpc-1" } });
    const profile = (name: string, groups: unknown, deps: string[] = []) => ({
        type: TYPES.sagemakerUserProfile,
        name,
        props: { userProfileName: name, userSettings: groups === undefined ? { executionRole: "r" } : { executionRole: "r", securityGroups: groups } },
        propertyDependencies: deps.length > 0 ? { userSettings: deps } : undefined,
    });

    it("passes profiles with their own groups (known ids and preview dependencies)", async () => {
        expect(await runStackPolicy(studioUserProfileOwnSecurityGroup, [profile("alice", ["sg-a"]), profile("bob", ["sg-b"])])).toEqual([]);
        expect(
            await runStackPolicy(studioUserProfileOwnSecurityGroup, [
                sg("sg-alice"),
                sg("sg-bob"),
                profile("alice", UNKNOWN, ["sg-alice"]),
                profile("bob", UNKNOWN, ["sg-bob"]),
            ]),
        ).toEqual([]);
    });

    it("reports two profiles naming the same group id", async () => {
        const v = await runStackPolicy(studioUserProfileOwnSecurityGroup, [
            profile("alice", ["sg-shared"]),
            profile("bob", ["sg-shared"]),
            profile("carol", ["sg-c"]),
        ]);
        expect(v).toEqual(["User profiles alice, bob share the security group sg-shared; each user needs their own (N9)."]);
    });

    it("reports two profiles built from the same group resource during a preview", async () => {
        const v = await runStackPolicy(studioUserProfileOwnSecurityGroup, [
            sg("shared"),
            profile("alice", UNKNOWN, ["shared"]),
            profile("bob", UNKNOWN, ["shared"]),
        ]);
        expect(v).toHaveLength(1);
        expect(v[0]).toContain("alice, bob");
    });

    it("reports a profile without groups (it inherits the domain's shared group)", async () => {
        expect(await runStackPolicy(studioUserProfileOwnSecurityGroup, [profile("alice", undefined), profile("bob", ["sg-b"])])).toEqual([
            "User profile alice sets no security groups; it would share the domain default group with every user (N9).",
        ]);
        expect(await runStackPolicy(studioUserProfileOwnSecurityGroup, [profile("alice", [])])).toHaveLength(1);
    });

    it("ignores other resources and profiles whose groups are not known yet", async () => {
        expect(await runStackPolicy(studioUserProfileOwnSecurityGroup, [sg("x"), profile("alice", UNKNOWN)])).toEqual([]);
    });
});
