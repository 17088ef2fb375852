import { SecureDsResourcePolicy, TYPES, propsOf } from "../common";

/** G4: log file validation makes tampering with delivered logs detectable (digest files). */
export const cloudtrailLogValidation: SecureDsResourcePolicy = {
    name: "cloudtrail-log-validation",
    description: "CloudTrail trails must enable log file integrity validation (G4).",
    controls: ["G4"],
    remediation: "Set enableLogFileValidation: true on the trail.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        const p = propsOf(args, TYPES.cloudtrailTrail);
        if (!p) return;
        if (p.enableLogFileValidation !== true) {
            reportViolation(`Trail ${args.name} does not validate log files; set enableLogFileValidation: true (G4).`);
        }
        if (p.enableLogging === false) {
            reportViolation(`Trail ${args.name} has logging turned off; set enableLogging: true (G4).`);
        }
    },
};
