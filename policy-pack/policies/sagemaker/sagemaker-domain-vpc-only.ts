import { SecureDsResourcePolicy, TYPES, propsOf, text } from "../common";

/** N1: Studio domains run only in VpcOnly mode; PublicInternetOnly gives every app a path to the internet. */
export const sagemakerDomainVpcOnly: SecureDsResourcePolicy = {
    name: "sagemaker-domain-vpc-only",
    description: "SageMaker Studio domains must use appNetworkAccessType VpcOnly (N1).",
    controls: ["N1"],
    remediation: 'Set appNetworkAccessType: "VpcOnly" on the domain (SecureStudioDomain does this by default).',
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        const p = propsOf(args, TYPES.sagemakerDomain);
        if (!p) return;
        // The API default is PublicInternetOnly, so an absent value is a violation.
        const mode = text(p.appNetworkAccessType) ?? "PublicInternetOnly (the default)";
        if (mode !== "VpcOnly") {
            reportViolation(`Domain ${args.name} uses appNetworkAccessType ${mode}; it must be VpcOnly (N1).`);
        }
    },
};
