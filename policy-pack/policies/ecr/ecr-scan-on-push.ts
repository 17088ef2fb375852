import { SecureDsResourcePolicy, TYPES, propsOf } from "../common";

/** S5: every pushed image is scanned for vulnerabilities. */
export const ecrScanOnPush: SecureDsResourcePolicy = {
    name: "ecr-scan-on-push",
    description: "ECR repositories must scan images on push (S5).",
    controls: ["S5"],
    remediation: "Set imageScanningConfiguration: { scanOnPush: true } (or use registry-level enhanced scanning and record an exception).",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        const p = propsOf(args, TYPES.ecrRepository);
        if (!p) return;
        if (p.imageScanningConfiguration?.scanOnPush !== true) {
            reportViolation(`ECR repository ${args.name} does not scan images on push (S5).`);
        }
    },
};
