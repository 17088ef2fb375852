import { SecureDsStackPolicy, TYPES, ofType, referencing } from "../common";

/** S5: approved-image repositories expire old and untagged images, so stale vulnerable images do not linger. */
export const ecrLifecyclePolicy: SecureDsStackPolicy = {
    name: "ecr-lifecycle-policy",
    description: "Every ECR repository must have a lifecycle policy (aws:ecr/lifecyclePolicy) (S5).",
    controls: ["S5"],
    remediation: "PackageMirror adds a lifecycle policy (packages.imageRetentionCount); keep it for every repository.",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        const lifecycles = ofType(args.resources, TYPES.ecrLifecyclePolicy);
        for (const repo of ofType(args.resources, TYPES.ecrRepository)) {
            if (referencing(lifecycles, "repository", repo).length === 0)
                reportViolation(`ECR repository ${repo.name} has no lifecycle policy (S5).`, repo.urn);
        }
    },
};
