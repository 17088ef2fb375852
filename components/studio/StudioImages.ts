import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AccountContext } from "../guardrails/arns";
import { toPolicyJson } from "../guardrails/document";
import { imagePullPolicy, serviceRoleTrust } from "../guardrails/studioRoles";
import { NamingContext, namePrefix } from "../naming";
import { IMAGE_USERS } from "./imageUsers";

/** One approved image. */
export interface StudioImageSpec {
    /** Short name; the SageMaker image is `<organization>-<environment>-<name>`. Required. */
    name: string;
    /** ECR image URI pinned by tag or digest. Required. */
    uri: string;
    /** UID the image runs as: one of IMAGE_USERS (1000 with GID 100, or 0 with GID 0). Required. */
    uid: 0 | 1000;
    /** GID the image runs as, paired with `uid` as in IMAGE_USERS. Required. */
    gid: 0 | 100;
}

export interface StudioImagesArgs {
    /** Organization and environment: prefix of the image, config and role names. Required. */
    naming: NamingContext;
    /** Partition, region and id of the account holding the images. Required. */
    account: AccountContext;
    /** The approved images (I7). At least one. Required. */
    images: StudioImageSpec[];
}

/** What a domain needs to offer an image in JupyterLab. */
export interface StudioCustomImage {
    imageName: pulumi.Output<string>;
    appImageConfigName: pulumi.Output<string>;
    /** The image ARN, for the I7 allow-list of the presigned-URL perimeter. */
    imageArn: pulumi.Output<string>;
    /** The version created from the configured URI. */
    imageVersionNumber: pulumi.Output<number>;
}

/**
 * Approved custom images for JupyterLab (I7): one SageMaker image, image version and app image
 * config per configured ECR URI, and one role that can only pull those repositories. Users
 * cannot change the image configs (I6, presigned-URL perimeter).
 */
export class StudioImages extends pulumi.ComponentResource {
    readonly role: aws.iam.Role;
    readonly images: StudioCustomImage[];

    constructor(name: string, args: StudioImagesArgs, opts?: pulumi.ComponentResourceOptions) {
        super("secure-ds:studio:StudioImages", name, {}, opts);
        if (args.images.length === 0) {
            throw new Error(`StudioImages ${name}: images is empty; create the component only when studio.images lists at least one image.`);
        }
        for (const image of args.images) {
            if (!Object.keys(IMAGE_USERS).includes(`${image.uid}/${image.gid}`)) {
                throw new Error(
                    `StudioImages ${name}: image ${image.name} runs as ${image.uid}/${image.gid}; Studio accepts only ${Object.keys(IMAGE_USERS).join(" or ")}.`,
                );
            }
        }
        const seen = new Set<string>();
        for (const image of args.images) {
            if (seen.has(image.name)) throw new Error(`StudioImages ${name}: image name ${image.name} is used twice; names must be unique.`);
            seen.add(image.name);
        }

        const prefix = namePrefix(args.naming);
        const { partition } = args.account;
        this.role = new aws.iam.Role(
            `${name}-role`,
            {
                name: `${prefix}-studio-images`,
                description: "SageMaker pulls the approved Studio images with this role, and nothing else (I7).",
                assumeRolePolicy: toPolicyJson(serviceRoleTrust("sagemaker", partition)),
                maxSessionDuration: 3600,
            },
            { parent: this },
        );
        const pull = new aws.iam.RolePolicy(
            `${name}-pull`,
            {
                role: this.role.name,
                policy: toPolicyJson(
                    imagePullPolicy(
                        args.images.map((i) => i.uri),
                        partition,
                    ),
                ),
            },
            { parent: this },
        );

        this.images = args.images.map((spec) => {
            const physical = `${prefix}-${spec.name}`;
            const image = new aws.sagemaker.Image(
                `${name}-${spec.name}`,
                { imageName: physical, displayName: spec.name, roleArn: this.role.arn, description: `Approved image ${spec.uri}` },
                // The role needs its pull policy before SageMaker validates the first version.
                { parent: this, dependsOn: [pull] },
            );
            const version = new aws.sagemaker.ImageVersion(
                `${name}-${spec.name}-version`,
                { imageName: image.imageName, baseImage: spec.uri },
                { parent: this },
            );
            const config = new aws.sagemaker.AppImageConfig(
                `${name}-${spec.name}-config`,
                {
                    appImageConfigName: physical,
                    jupyterLabImageConfig: {
                        fileSystemConfig: { defaultUid: spec.uid, defaultGid: spec.gid, mountPath: "/home/sagemaker-user" },
                    },
                },
                { parent: this },
            );
            return {
                imageName: image.imageName,
                appImageConfigName: config.appImageConfigName,
                imageArn: image.arn,
                imageVersionNumber: version.version,
            };
        });
        this.registerOutputs({ roleArn: this.role.arn, imageArns: this.images.map((i) => i.imageArn) });
    }
}
