import { SecureDsResourcePolicy, TYPES, list, propsOf, text } from "../common";

/**
 * N5: notebook instances have no direct internet access and run in a subnet of the platform VPC
 * with security groups. The API default for directInternetAccess is Enabled, so an absent value
 * is a violation.
 */
export const sagemakerNotebookNoDirectInternet: SecureDsResourcePolicy = {
    name: "sagemaker-notebook-no-direct-internet",
    description: "SageMaker notebook instances must set directInternetAccess Disabled and run in a VPC subnet with security groups (N5).",
    controls: ["N5"],
    remediation:
        'Set directInternetAccess: "Disabled", subnetId (a platform subnet) and securityGroups on the notebook instance; data scientists should use Studio instead.',
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        const p = propsOf(args, TYPES.sagemakerNotebookInstance);
        if (!p) return;
        const access = text(p.directInternetAccess) ?? "Enabled (the default)";
        if (access !== "Disabled") reportViolation(`Notebook instance ${args.name} has directInternetAccess ${access}; it must be Disabled (N5).`);
        if (!text(p.subnetId)) reportViolation(`Notebook instance ${args.name} names no subnetId; it must run in a platform subnet (N5).`);
        if (list(p.securityGroups).length === 0) reportViolation(`Notebook instance ${args.name} names no securityGroups (N5).`);
    },
};
