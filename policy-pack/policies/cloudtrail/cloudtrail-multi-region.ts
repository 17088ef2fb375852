import { SecureDsResourcePolicy, TYPES, propsOf } from "../common";

/** G4: a trail records every region and the global services, so activity elsewhere is not invisible. */
export const cloudtrailMultiRegion: SecureDsResourcePolicy = {
    name: "cloudtrail-multi-region",
    description: "CloudTrail trails must be multi-region and include global service events (G4).",
    controls: ["G4"],
    remediation: "Set isMultiRegionTrail: true and includeGlobalServiceEvents: true (AccountTrail does both).",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        const p = propsOf(args, TYPES.cloudtrailTrail);
        if (!p) return;
        if (p.isMultiRegionTrail !== true) {
            reportViolation(`Trail ${args.name} records only its home region; set isMultiRegionTrail: true (G4).`);
        }
        // The API default is true; only an explicit false drops IAM, STS and other global events.
        if (p.includeGlobalServiceEvents === false) {
            reportViolation(`Trail ${args.name} leaves out global service events (IAM, STS); set includeGlobalServiceEvents: true (G4).`);
        }
    },
};
