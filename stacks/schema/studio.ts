import { z } from "zod";
import { BACKUP_SCHEDULE_PATTERN, IDLE_MINUTES_RANGE, SECURE_STUDIO_DOMAIN_DEFAULTS, STUDIO_HOME_BACKUP_DEFAULTS } from "../../components/studio/defaults";
import { IMAGE_USERS, ImageUser } from "../../components/studio/imageUsers";
import { isKnownInstanceType } from "../../components/studio/instanceTypes";
import { dnsName, ipv4Cidr, positiveInt } from "./common";

const instanceType = z
    .string()
    .regex(/^(ml\.[a-z0-9-]+\.[a-z0-9]+|system)$/, {
        message: "is not a SageMaker instance type such as ml.m5.large",
    })
    .refine(isKnownInstanceType, {
        message: "is not an instance type SageMaker offers (see components/studio/instanceTypes.ts); check the spelling",
    });

/** One approved custom image (I7): an ECR image that becomes a SageMaker image for JupyterLab. */
const studioImageSchema = z.strictObject({
    /** Image name: lower-case, prefixed with `<organization>-<environment>-` in SageMaker. */
    name: dnsName(40, "image name"),
    /** ECR image URI, pinned by tag or digest: `<account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag>`. */
    uri: z
        .string()
        .regex(/^\d{12}\.dkr\.ecr\.[a-z]{2}(-gov)?-[a-z]+-\d\.amazonaws\.com(\.cn)?\/[a-z0-9][a-z0-9._/-]*(:[\w][\w.-]{0,127}|@sha256:[a-f0-9]{64})$/, {
            message: "is not an ECR image URI with a tag or digest (<account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag>)",
        }),
    /** UID/GID the image runs as: "1000/100" (non-root sagemaker-user) or "0/0". Default 1000/100. */
    user: z.enum(Object.keys(IMAGE_USERS) as [ImageUser, ...ImageUser[]]).default("1000/100"),
});

/** IAM Identity Center, required by authMode SSO. */
const identityCenterSchema = z.strictObject({
    /** ARN of the organisation's Identity Center instance (arn:aws:sso:::instance/ssoins-...). */
    instanceArn: z.string().regex(/^arn:aws(-cn|-us-gov)?:sso:::instance\/(sso)?ins-[a-zA-Z0-9.-]{16}$/, {
        message: "is not an IAM Identity Center instance ARN (arn:aws:sso:::instance/ssoins-<16 characters>)",
    }),
    /** Region of the Identity Center instance; SageMaker requires the domain's region. */
    region: z.string().regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, { message: "is not an AWS region name such as eu-west-1" }),
    /** Which user attribute is the Identity Center user name: the platform user `name` or its `email`. Default name. */
    userName: z.enum(["name", "email"]).default("name"),
});

const backupSchema = z
    .strictObject({
        /** AWS Backup schedule (cron in UTC). Default daily at 02:00 UTC. */
        schedule: z
            .string()
            .regex(BACKUP_SCHEDULE_PATTERN, { message: "is not an AWS Backup cron expression such as cron(0 2 * * ? *)" })
            .default(STUDIO_HOME_BACKUP_DEFAULTS.schedule),
        /** Days a recovery point is kept. Default 35. */
        retentionDays: positiveInt("days")
            .max(36500, { message: "is more than 36500 days, the AWS Backup limit" })
            .default(STUDIO_HOME_BACKUP_DEFAULTS.retentionDays),
        /** Days after which recovery points move to cold storage (at least 90 days before deletion). Default: never. */
        coldStorageAfterDays: positiveInt("days").optional(),
    })
    .superRefine((b, ctx) => {
        if (b.coldStorageAfterDays !== undefined && b.retentionDays < b.coldStorageAfterDays + 90) {
            ctx.addIssue({
                code: "custom",
                path: ["retentionDays"],
                input: b.retentionDays,
                message: `is less than coldStorageAfterDays + 90 (${b.coldStorageAfterDays + 90}); AWS Backup keeps cold recovery points at least 90 days`,
            });
        }
    });

/** SageMaker Studio options. See docs/configuration.md#studio. */
export const studioSchema = z
    .strictObject({
        /** How users sign in: IAM (presigned URLs) or SSO (IAM Identity Center). Default IAM. */
        authMode: z.enum(["IAM", "SSO"]).default(SECURE_STUDIO_DOMAIN_DEFAULTS.authMode),
        /** Identity Center settings; required when authMode is SSO. */
        identityCenter: identityCenterSchema.optional(),
        /** Minutes of inactivity after which Studio apps shut down (SageMaker accepts 60 to 525600). Default 120. */
        idleMinutes: z
            .number()
            .int({ message: "is not a whole number of minutes" })
            .min(IDLE_MINUTES_RANGE.min, { message: `is below ${IDLE_MINUTES_RANGE.min}, the shortest idle timeout SageMaker accepts` })
            .max(IDLE_MINUTES_RANGE.max, { message: `is above ${IDLE_MINUTES_RANGE.max} (one year), the longest idle timeout SageMaker accepts` })
            .default(SECURE_STUDIO_DOMAIN_DEFAULTS.idleMinutes),
        /** Instance types users may start apps and jobs on (G2). */
        instanceTypes: z
            .array(instanceType)
            .min(1, { message: "is empty; list at least one instance type" })
            .default(SECURE_STUDIO_DOMAIN_DEFAULTS.allowedInstanceTypes),
        /** Corporate egress ranges from which presigned Studio URLs may be requested (N8). Default none: only through the VPC endpoint. */
        presignedUrlSourceIps: z.array(ipv4Cidr).default(SECURE_STUDIO_DOMAIN_DEFAULTS.presignedUrlSourceIps),
        /** Offer Code Editor (with its own lifecycle configuration and idle shutdown). Default false. */
        codeEditor: z.boolean().default(SECURE_STUDIO_DOMAIN_DEFAULTS.codeEditor),
        /**
         * A conda channel reachable inside the VPC (an internal mirror). Default none: conda is set
         * offline and packages come through pip from the approved CodeArtifact repository.
         */
        condaChannelUrl: z.url({ protocol: /^https$/, message: "is not an https URL" }).optional(),
        /** One shared space per team, run by the team's space execution role. Default false. */
        sharedSpaces: z.boolean().default(SECURE_STUDIO_DOMAIN_DEFAULTS.sharedSpace),
        /**
         * Notebook sharing: disabled, or enabled into the team's outputs bucket under `sharing/`
         * encrypted with the team key (E5). Default disabled.
         */
        notebookSharing: z.enum(["disabled", "enabled"]).default(SECURE_STUDIO_DOMAIN_DEFAULTS.notebookSharing),
        /** Approved custom images for JupyterLab (I7). Default none. */
        images: z.array(studioImageSchema).default([]),
        /** AWS Backup of the Studio home EFS (G9). */
        backup: backupSchema.default(() => backupSchema.parse({})),
    })
    .superRefine((s, ctx) => {
        if (s.authMode === "SSO" && s.identityCenter === undefined) {
            ctx.addIssue({
                code: "custom",
                path: ["identityCenter"],
                message: "missing; authMode SSO needs identityCenter.instanceArn and identityCenter.region (see docs/configuration.md#studio)",
            });
        }
        if (s.authMode === "IAM" && s.identityCenter !== undefined) {
            ctx.addIssue({
                code: "custom",
                path: ["identityCenter"],
                message: "is set but authMode is IAM; set authMode: SSO or remove identityCenter",
            });
        }
        const names = new Map<string, number>();
        s.images.forEach((image, i) => {
            const first = names.get(image.name);
            if (first !== undefined) {
                ctx.addIssue({
                    code: "custom",
                    path: ["images", i, "name"],
                    input: image.name,
                    message: `is already the name of images[${first}]; image names must be unique`,
                });
            } else {
                names.set(image.name, i);
            }
        });
        s.instanceTypes.forEach((type, i) => {
            if (s.instanceTypes.indexOf(type) !== i) {
                ctx.addIssue({ code: "custom", path: ["instanceTypes", i], input: type, message: "is listed twice" });
            }
        });
    });

export type StudioConfig = z.infer<typeof studioSchema>;

/** Platform-level checks of the studio section (it needs the region and the teams). */
export function studioCrossChecks(
    cfg: { region: string; studio: StudioConfig; network: { endpoints: { disabled: string[] } }; teams: { users: { name: string; email?: string }[] }[] },
    issue: (path: (string | number)[], message: string) => void,
): void {
    // Presigned URLs are allowed only through the Studio endpoint or from the configured ranges (N8):
    // without either, nobody could open Studio. Caught here, before any resource is registered.
    const studioEndpoint = cfg.network.endpoints.disabled.indexOf("studio");
    if (studioEndpoint >= 0 && cfg.studio.presignedUrlSourceIps.length === 0) {
        issue(
            ["network", "endpoints", "disabled", studioEndpoint],
            '"studio" is disabled and studio.presignedUrlSourceIps is empty, so nobody could open Studio (N8); keep the endpoint or list the corporate ranges',
        );
    }
    const idc = cfg.studio.identityCenter;
    if (cfg.studio.authMode !== "SSO" || idc === undefined) return;
    if (idc.region !== cfg.region) {
        issue(
            ["studio", "identityCenter", "region"],
            `"${idc.region}" is not the platform region ${cfg.region}; SageMaker domains with SSO need Identity Center in the domain's region`,
        );
    }
    if (idc.userName === "email") {
        cfg.teams.forEach((team, t) =>
            team.users.forEach((user, u) => {
                if (user.email === undefined) {
                    issue(
                        ["teams", t, "users", u, "email"],
                        `missing; studio.identityCenter.userName is email, so user "${user.name}" needs the e-mail address of its Identity Center user`,
                    );
                }
            }),
        );
    }
}
