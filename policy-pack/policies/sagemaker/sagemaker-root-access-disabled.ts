import { SecureDsResourcePolicy, TYPES, propsOf, record, text } from "../common";

type ResourceProps = { type: string; props: Record<string, unknown> };

/**
 * Where a Studio resource declares its POSIX identity: the path for the message and a reader. The
 * reads stay lazy, in this order, so a value unknown in a preview ends the check where it did.
 */
function posixIdentities(r: ResourceProps): { path: string; read: () => unknown }[] {
    const domain = propsOf(r, TYPES.sagemakerDomain);
    if (domain)
        return [
            { path: "defaultUserSettings.customPosixUserConfig", read: () => domain.defaultUserSettings?.customPosixUserConfig },
            { path: "defaultSpaceSettings.customPosixUserConfig", read: () => domain.defaultSpaceSettings?.customPosixUserConfig },
        ];
    const profile = propsOf(r, TYPES.sagemakerUserProfile);
    if (profile) return [{ path: "userSettings.customPosixUserConfig", read: () => profile.userSettings?.customPosixUserConfig }];
    return [];
}

/**
 * I9: no root in notebooks. Notebook instances: rootAccess Disabled (the API default is Enabled).
 * Studio exposes root through the POSIX identity of custom images (customPosixUserConfig): uid
 * or gid 0 runs the kernel as root on the shared home EFS, so it is rejected.
 */
export const sagemakerRootAccessDisabled: SecureDsResourcePolicy = {
    name: "sagemaker-root-access-disabled",
    description:
        "SageMaker notebook instances must set rootAccess Disabled, and Studio domains and user profiles must not run apps as uid or gid 0 (customPosixUserConfig) (I9).",
    controls: ["I9"],
    remediation: 'Set rootAccess: "Disabled" on notebook instances; leave customPosixUserConfig unset or use the SageMaker user (uid 1000, gid 100).',
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        const notebook = propsOf(args, TYPES.sagemakerNotebookInstance);
        if (notebook) {
            const root = text(notebook.rootAccess) ?? "Enabled (the default)";
            if (root !== "Disabled") reportViolation(`Notebook instance ${args.name} has rootAccess ${root}; it must be Disabled (I9).`);
            return;
        }
        for (const { path, read } of posixIdentities(args)) {
            const posix = record(read());
            for (const field of ["uid", "gid"]) {
                if (posix[field] === 0) reportViolation(`${args.name} runs Studio apps with ${path}.${field} 0 (root); use a non-root identity (I9).`);
            }
        }
    },
};
