import { SecureDsResourcePolicy, TYPES, propsOf, text } from "../common";

/** Docker inside Studio apps builds and runs arbitrary images, around the approved-image control (I7). */
export const studioDomainDockerDisabled: SecureDsResourcePolicy = {
    name: "studio-domain-docker-disabled",
    description: "SageMaker Studio domains must disable Docker access in apps (domainSettings.dockerSettings.enableDockerAccess DISABLED) (I7).",
    controls: ["I7"],
    remediation: 'Set domainSettings.dockerSettings.enableDockerAccess: "DISABLED" (SecureStudioDomain does).',
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        const p = propsOf(args, TYPES.sagemakerDomain);
        if (!p) return;
        const docker = text(p.domainSettings?.dockerSettings?.enableDockerAccess);
        if (docker === undefined) {
            reportViolation(`Domain ${args.name} does not set dockerSettings.enableDockerAccess; set DISABLED explicitly (I7).`);
        } else if (docker !== "DISABLED") {
            reportViolation(`Domain ${args.name} has Docker access ${docker}; users could run images that were never approved (I7).`);
        }
    },
};
