/** The app settings a Studio domain gives its users and spaces: idle shutdown (G7), lifecycle script, default instance, images. Pure. */
import type * as pulumi from "@pulumi/pulumi";
import { IDLE_MINUTES_RANGE } from "./defaults";
import type { StudioCustomImage } from "./StudioImages";

/** G7: users may shorten the timeout but never extend it beyond the configured one. */
function idleSettings(idleMinutes: number) {
    return {
        lifecycleManagement: "ENABLED",
        idleTimeoutInMinutes: idleMinutes,
        minIdleTimeoutInMinutes: IDLE_MINUTES_RANGE.min,
        maxIdleTimeoutInMinutes: idleMinutes,
    };
}

/** The approved images as a JupyterLab app setting (I7). */
function appCustomImages(images: StudioCustomImage[]) {
    return images.map((i) => ({ imageName: i.imageName, appImageConfigName: i.appImageConfigName, imageVersionNumber: i.imageVersionNumber }));
}

/** Idle shutdown, the lifecycle configuration as the only one and the default, the default instance type. */
export function appSettings(idleMinutes: number, lifecycleConfigArn: pulumi.Input<string>, instanceType: string) {
    return {
        appLifecycleManagement: { idleSettings: idleSettings(idleMinutes) },
        lifecycleConfigArns: [lifecycleConfigArn],
        defaultResourceSpec: { instanceType, lifecycleConfigArn },
    };
}

/** JupyterLab of users and shared spaces: the app settings and, when any, the approved images. */
export function jupyterLabAppSettings(idleMinutes: number, lifecycleConfigArn: pulumi.Input<string>, instanceType: string, images: StudioCustomImage[]) {
    const custom = appCustomImages(images);
    return { ...appSettings(idleMinutes, lifecycleConfigArn, instanceType), ...(custom.length > 0 ? { customImages: custom } : {}) };
}
