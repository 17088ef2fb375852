import { SecureDsResourcePolicy, TYPES, propsOf, text } from "../common";

/** S5: an approved image tag always names the image that was approved: tags are immutable. */
export const ecrImmutableTags: SecureDsResourcePolicy = {
    name: "ecr-immutable-tags",
    description: "ECR repositories must have immutable image tags, without exclusions (S5).",
    controls: ["S5"],
    remediation: 'Set imageTagMutability: "IMMUTABLE" and no imageTagMutabilityExclusionFilters.',
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        const p = propsOf(args, TYPES.ecrRepository);
        if (!p) return;
        // The API default is MUTABLE; IMMUTABLE_WITH_EXCLUSION lets matching tags be overwritten.
        const mutability = text(p.imageTagMutability) ?? "MUTABLE";
        if (mutability !== "IMMUTABLE") {
            reportViolation(`ECR repository ${args.name} has imageTagMutability ${mutability}; a pushed tag could be moved to an unscanned image (S5).`);
        }
    },
};
