import { PropsOf, SecureDsResourcePolicy, TYPES, propsOf, text } from "../common";

type Domain = PropsOf<typeof TYPES.sagemakerDomain>;

/** The apps whose idle shutdown the rule checks, by settings block. */
const APP_SETTINGS = [
    {
        path: "defaultUserSettings.jupyterLabAppSettings",
        block: (p: Domain) => p.defaultUserSettings?.jupyterLabAppSettings,
        required: true,
    },
    {
        path: "defaultUserSettings.codeEditorAppSettings",
        block: (p: Domain) => p.defaultUserSettings?.codeEditorAppSettings,
        required: false,
    },
    {
        path: "defaultSpaceSettings.jupyterLabAppSettings",
        block: (p: Domain) => p.defaultSpaceSettings?.jupyterLabAppSettings,
        required: false,
    },
];

/**
 * G7: idle apps shut down through the domain's native idle settings, which need no internet
 * (the old auto-stop scripts did). Checked for JupyterLab always, and for Code Editor
 * and shared spaces where the domain configures them.
 */
export const studioDomainIdleShutdown: SecureDsResourcePolicy = {
    name: "studio-domain-idle-shutdown",
    description:
        "SageMaker Studio domains must shut idle JupyterLab (and Code Editor, space) apps down with native idle settings within the configured maximum (G7).",
    controls: ["G7"],
    remediation:
        'Set appLifecycleManagement.idleSettings { lifecycleManagement: "ENABLED", idleTimeoutInMinutes, maxIdleTimeoutInMinutes } in each app settings block (SecureStudioDomain does, from studio.idleMinutes).',
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            maxIdleMinutes: {
                type: "integer",
                minimum: 60,
                maximum: 525600,
                default: 1440,
                description: "Longest idle timeout accepted, in minutes.",
            },
        },
    },
    validateResource: (args, reportViolation) => {
        const p = propsOf(args, TYPES.sagemakerDomain);
        if (!p) return;
        const { maxIdleMinutes } = args.getConfig<{ maxIdleMinutes: number }>();
        for (const app of APP_SETTINGS) {
            const settings = app.block(p);
            if (settings === undefined || settings === null) {
                if (app.required) reportViolation(`Domain ${args.name} has no ${app.path}; JupyterLab apps would never shut down when idle (G7).`);
                continue;
            }
            const idle = settings.appLifecycleManagement?.idleSettings;
            const mode = text(idle?.lifecycleManagement);
            // Space idle settings have no on/off switch; a timeout is enough there.
            if (mode !== undefined && mode !== "ENABLED") {
                reportViolation(`Domain ${args.name} sets ${app.path} idle shutdown to ${mode}; set lifecycleManagement ENABLED (G7).`);
                continue;
            }
            const timeout = idle?.idleTimeoutInMinutes;
            if (typeof timeout !== "number") {
                reportViolation(`Domain ${args.name} has no idle timeout in ${app.path}.appLifecycleManagement.idleSettings (G7).`);
                continue;
            }
            if (mode === undefined && !app.path.startsWith("defaultSpaceSettings")) {
                reportViolation(`Domain ${args.name} does not enable idle shutdown in ${app.path} (lifecycleManagement ENABLED) (G7).`);
            }
            if (timeout > maxIdleMinutes) {
                reportViolation(`Domain ${args.name} lets ${app.path} idle ${timeout} minutes; the maximum is ${maxIdleMinutes} (G7).`);
            }
            const userMax = idle?.maxIdleTimeoutInMinutes;
            if (typeof userMax === "number" && userMax > maxIdleMinutes) {
                reportViolation(
                    `Domain ${args.name} lets users raise the ${app.path} idle timeout to ${userMax} minutes; the maximum is ${maxIdleMinutes} (G7).`,
                );
            }
        }
    },
};
