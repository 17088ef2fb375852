/**
 * Scenario rows of the package gate's own toolchain (S7): who may pull the toolchain image and
 * who may write the ClamAV signature mirror. Documents come from the plan (role policies, the
 * mirror's bucket policy). Each
 * denied row for the worst insider sits next to the allowed row for the legitimate request.
 */
import type { PlanResource } from "../../plan/types";
import { ADMINISTRATOR_ACCESS, planDocument } from "./pipelineScenarios";
import type { Decision, Scenario, SourcedPolicy } from "./scenarios";

export interface GateWorld {
    partition: string;
    region: string;
    /** The shared-services account (the gate's). */
    shared: string;
    /** `<org>-<env>`. */
    prefix: string;
    resources: PlanResource[];
}

export function gateScenarios(w: GateWorld): Scenario[] {
    const p = w.partition;
    const role = (name: string) => `arn:${p}:iam::${w.shared}:role/${w.prefix}-${name}`;
    const rolePolicy = (stage: string) =>
        planDocument(w.resources, "aws:iam/rolePolicy:RolePolicy", new RegExp(`-${stage}-policy$`), "policy", `${stage} role policy`);
    const mirrorPolicy = planDocument(w.resources, "aws:s3/bucketPolicy:BucketPolicy", /-clamav-bucket/, "policy", "ClamAV signature mirror bucket policy");
    const toolchainRepo = `arn:${p}:ecr:${w.region}:${w.shared}:repository/${w.prefix}/package-gate-toolchain`;
    const studioImages = `arn:${p}:ecr:${w.region}:${w.shared}:repository/${w.prefix}/studio-images`;
    const mirrorObject = `arn:${p}:s3:::${w.prefix}-pkg-clamav-${w.shared}/clamav/daily.cvd`;
    const row = (
        id: string,
        title: string,
        controls: string[],
        expected: Decision,
        principal: string,
        identity: SourcedPolicy[],
        action: string,
        resource: string,
        extra: Partial<Scenario> = {},
    ): Scenario => ({
        id: `gate-${id}`,
        area: "Packages",
        title,
        controls,
        expected,
        request: {
            principal,
            action,
            resource,
            resourceAccount: w.shared,
            context: { "aws:PrincipalArn": principal, "aws:PrincipalAccount": w.shared, "aws:SecureTransport": "true" },
        },
        identity,
        ...extra,
    });
    const admin: SourcedPolicy = {
        name: "AdministratorAccess",
        source: "builder",
        origin: "an administrator of the shared-services account",
        document: ADMINISTRATOR_ACCESS,
    };
    const put = { resourcePolicy: mirrorPolicy };
    return [
        // ---- The toolchain image: pulled by digest from the platform's own repository only (S7)
        row(
            "publish-pulls-toolchain",
            "The publish role pulls the gate's toolchain image",
            ["S7", "S3"],
            "Allowed",
            role("pkg-publish"),
            [rolePolicy("publish")],
            "ecr:BatchGetImage",
            toolchainRepo,
        ),
        row(
            "publish-pulls-other-image",
            "The publish role pulls an image of another repository (a build running something else)",
            ["S7", "S3"],
            "ImplicitlyDenied",
            role("pkg-publish"),
            [rolePolicy("publish")],
            "ecr:BatchGetImage",
            studioImages,
        ),
        row(
            "scan-pulls-toolchain",
            "The scan role pulls the gate's toolchain image",
            ["S7", "S2"],
            "Allowed",
            role("pkg-scan"),
            [rolePolicy("scan")],
            "ecr:GetDownloadUrlForLayer",
            toolchainRepo,
        ),
        // ---- The ClamAV signature mirror: only the updater writes (S2)
        row(
            "updater-writes-signatures",
            "The ClamAV updater writes a signature database to the mirror",
            ["S7", "S2"],
            "Allowed",
            role("pkg-signatures"),
            [rolePolicy("clamav")],
            "s3:PutObject",
            mirrorObject,
            put,
        ),
        row(
            "scan-writes-signatures",
            "The scan role (running scanned packages' neighbours) writes a signature database to the mirror",
            ["S7", "S2"],
            "ExplicitlyDenied",
            role("pkg-scan"),
            [rolePolicy("scan")],
            "s3:PutObject",
            mirrorObject,
            { ...put, decidedBy: "DenyWritesExceptUpdater" },
        ),
        row(
            "admin-writes-signatures",
            "An administrator of the shared-services account plants a signature database in the mirror",
            ["S7", "S2"],
            "ExplicitlyDenied",
            `arn:${p}:iam::${w.shared}:role/Admin`,
            [admin],
            "s3:PutObject",
            mirrorObject,
            { ...put, decidedBy: "DenyWritesExceptUpdater" },
        ),
        row(
            "scan-reads-signatures",
            "The scan role loads the signatures from the mirror",
            ["S7", "S2"],
            "Allowed",
            role("pkg-scan"),
            [rolePolicy("scan")],
            "s3:GetObject",
            mirrorObject,
            put,
        ),
    ];
}
