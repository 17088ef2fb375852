import { SecureDsResourcePolicy, TYPES, propsOf } from "../common";

/** S2, S6: builds that handle untrusted packages never get a Docker daemon (root on the build host). */
export const codebuildNotPrivileged: SecureDsResourcePolicy = {
    name: "codebuild-not-privileged",
    description: "CodeBuild projects must not run in privileged mode (S2, S6).",
    controls: ["S2", "S6"],
    remediation: "Set environment.privilegedMode: false; the scan, decide and publish stages need no Docker daemon.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        const p = propsOf(args, TYPES.codebuildProject);
        if (!p) return;
        if (p.environment?.privilegedMode === true) {
            reportViolation(`CodeBuild project ${args.name} runs in privileged mode; a scanned package's code could take over the build host (S2).`);
        }
    },
};
