import { SecureDsResourcePolicy, TYPES, credentialReason, known, propsOf, record } from "../common";

/** S6: function environments carry ARNs and settings, never credentials (readable by anyone with lambda:GetFunctionConfiguration). */
export const lambdaEnvironmentNoSecrets: SecureDsResourcePolicy = {
    name: "lambda-environment-no-secrets",
    description: "Lambda environment variables must not hold credentials (AWS keys, or names suggesting a secret, token or password) (S6).",
    controls: ["S6"],
    remediation: "Keep the secret in Secrets Manager, pass its ARN (a name ending in _ARN) and read it at run time.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        const p = propsOf(args, TYPES.lambdaFunction);
        if (!p) return;
        const vars = record(p.environment?.variables);
        // Object.keys reads no value; a value unknown in a preview comes from a resource of the stack, not a literal.
        for (const name of Object.keys(vars)) {
            const reason = credentialReason(
                name,
                known(() => vars[name]),
            );
            if (reason) reportViolation(`Lambda function ${args.name}: environment variable ${name} looks like a credential (${reason}) (S6).`);
        }
    },
};
