import { z } from "zod";
import { ipv4Cidr } from "./common";

/** Instance types data scientists may use when the config names none: CPU, small to medium. */
export const DEFAULT_INSTANCE_TYPES = [
    "ml.t3.medium",
    "ml.t3.large",
    "ml.m5.large",
    "ml.m5.xlarge",
    "ml.m5.2xlarge",
    "ml.c5.xlarge",
    "ml.c5.2xlarge",
];

const instanceType = z.string().regex(/^(ml\.[a-z0-9]+\.[a-z0-9]+|system)$/, {
    message: "is not a SageMaker instance type such as ml.m5.large",
});

/** SageMaker Studio options. See docs/configuration.md#studio. */
export const studioSchema = z.strictObject({
    /** How users sign in: IAM (presigned URLs) or SSO (IAM Identity Center). Default IAM. */
    authMode: z.enum(["IAM", "SSO"]).default("IAM"),
    /** Minutes of inactivity after which Studio apps shut down (SageMaker accepts 60 to 525600). Default 120. */
    idleMinutes: z
        .number()
        .int({ message: "is not a whole number of minutes" })
        .min(60, { message: "is below 60, the shortest idle timeout SageMaker accepts" })
        .max(525600, { message: "is above 525600 (one year), the longest idle timeout SageMaker accepts" })
        .default(120),
    /** Instance types users may start apps and jobs on (G2). */
    instanceTypes: z.array(instanceType).min(1, { message: "is empty; list at least one instance type" }).default(DEFAULT_INSTANCE_TYPES),
    /** Corporate egress ranges from which presigned Studio URLs may be requested (N8). Default none: only through the VPC endpoint. */
    presignedUrlSourceIps: z.array(ipv4Cidr).default([]),
});

export type StudioConfig = z.infer<typeof studioSchema>;
