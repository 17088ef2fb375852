import { SecureDsResourcePolicy, TYPES, propsOf, text } from "../common";

/** G10: platform functions are invoked by AWS services, never through an unauthenticated URL. */
export const lambdaNoPublicFunctionUrl: SecureDsResourcePolicy = {
    name: "lambda-no-public-function-url",
    description: "Lambda function URLs must require IAM authorization (authorizationType AWS_IAM), never NONE.",
    controls: ["G10"],
    remediation: 'Remove the function URL, or set authorizationType: "AWS_IAM".',
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        const p = propsOf(args, TYPES.lambdaFunctionUrl);
        if (!p) return;
        const auth = text(p.authorizationType);
        if (auth !== "AWS_IAM") {
            reportViolation(
                `Function URL ${args.name} uses authorizationType ${auth ?? "(none)"}: anyone on the internet could invoke the function; use AWS_IAM.`,
            );
        }
    },
};
