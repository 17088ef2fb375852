import { SecureDsResourcePolicy, TYPES, record, text } from "../common";

/** Where a Studio resource declares its POSIX identity. */
const POSIX_PATHS: Record<string, string[][]> = {
    [TYPES.sagemakerDomain]: [
        ["defaultUserSettings", "customPosixUserConfig"],
        ["defaultSpaceSettings", "customPosixUserConfig"],
    ],
    [TYPES.sagemakerUserProfile]: [["userSettings", "customPosixUserConfig"]],
};

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
        if (args.type === TYPES.sagemakerNotebookInstance) {
            const root = text(args.props.rootAccess) ?? "Enabled (the default)";
            if (root !== "Disabled") reportViolation(`Notebook instance ${args.name} has rootAccess ${root}; it must be Disabled (I9).`);
            return;
        }
        for (const path of POSIX_PATHS[args.type] ?? []) {
            const posix = record(record(args.props[path[0]])[path[1]]);
            for (const field of ["uid", "gid"]) {
                if (posix[field] === 0)
                    reportViolation(`${args.name} runs Studio apps with ${path.join(".")}.${field} 0 (root); use a non-root identity (I9).`);
            }
        }
    },
};
