import { SecureDsResourcePolicy, TYPES, isSet, propsOf } from "../common";

/** E9: keys are enabled and carry an explicit key policy (the default policy hands the key to every IAM admin of the account). */
export const kmsKeyEnabledWithPolicy: SecureDsResourcePolicy = {
    name: "kms-key-enabled-with-policy",
    description: "KMS keys must be enabled and have an explicit key policy (E9).",
    controls: ["E9"],
    remediation:
        "Create keys with CustomerKey, which passes keyPolicy() (components/guardrails/kmsKeyPolicy.ts) and never disables the key; disable a key only in a reviewed decommissioning change.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        const p = propsOf(args, TYPES.kmsKey);
        if (!p) return;
        if (p.isEnabled === false) reportViolation(`KMS key ${args.name} is disabled (isEnabled: false); data encrypted with it becomes unreadable (E9).`);
        // Presence is the rule: a key policy unknown in a preview (it names the roles of the stack) is set.
        if (!isSet(() => p.policy))
            reportViolation(`KMS key ${args.name} has no key policy; the default policy admits every IAM principal of the account allowed by IAM (E9).`);
    },
};
