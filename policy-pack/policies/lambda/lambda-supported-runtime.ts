import { SecureDsResourcePolicy, TYPES, propsOf, text } from "../common";

const DEFAULT_RUNTIMES = ["nodejs22.x", "nodejs20.x", "python3.13", "python3.12", "python3.11", "java21", "java17", "dotnet8", "provided.al2023"];

/** G10: the detective Lambda runs on a runtime that still gets security patches. */
export const lambdaSupportedRuntime: SecureDsResourcePolicy = {
    name: "lambda-supported-runtime",
    description: "Lambda functions must use a runtime from the supported allow-list (container images, which have no runtime, are exempt) (G10).",
    controls: ["G10"],
    remediation: "Move the function to a supported runtime (the detective Lambda pins nodejs22.x), or extend allowedRuntimes when AWS adds one.",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            allowedRuntimes: {
                type: "array",
                items: { type: "string" },
                default: DEFAULT_RUNTIMES,
                description:
                    "Runtimes accepted. Default: nodejs22.x, nodejs20.x, python3.13, python3.12, python3.11, java21, java17, dotnet8, provided.al2023.",
            },
        },
    },
    validateResource: (args, reportViolation) => {
        const p = propsOf(args, TYPES.lambdaFunction);
        if (!p) return;
        if (p.packageType === "Image") return;
        const { allowedRuntimes } = args.getConfig<{ allowedRuntimes: string[] }>();
        const runtime = text(p.runtime);
        if (!runtime || !allowedRuntimes.includes(runtime))
            reportViolation(`Lambda function ${args.name} uses runtime ${runtime ?? "(none)"}; allowed: ${allowedRuntimes.join(", ")} (G10).`);
    },
};
