import { SecureDsResourcePolicy, TYPES, credentialReason, known, list, propsOf, text } from "../common";

/** S6: credentials reach builds from Secrets Manager or Parameter Store, never as plaintext environment variables. */
export const codebuildNoPlaintextCredentials: SecureDsResourcePolicy = {
    name: "codebuild-no-plaintext-credentials",
    description: "CodeBuild PLAINTEXT environment variables must not hold credentials (AWS keys, or names suggesting a secret, token or password) (S6).",
    controls: ["S6"],
    remediation: "Use type SECRETS_MANAGER or PARAMETER_STORE for the variable and keep the value in Secrets Manager.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        const p = propsOf(args, TYPES.codebuildProject);
        if (!p) return;
        for (const v of list(p.environment?.environmentVariables)) {
            const type = text(v?.type) ?? "PLAINTEXT";
            if (type !== "PLAINTEXT") continue;
            // A value unknown in a preview comes from a resource of the stack, not a literal: its name is still judged.
            const reason = credentialReason(
                text(v?.name) ?? "",
                known(() => v?.value),
            );
            if (reason) reportViolation(`CodeBuild project ${args.name}: plaintext variable ${String(v?.name)} looks like a credential (${reason}) (S6).`);
        }
    },
};
