/**
 * Renders the Studio lifecycle script (components/studio/scripts/studio-setup.sh) for one team.
 * The script stays a real file in the repository, so shellcheck and reviewers read exactly what
 * runs; this module only fills in its markers (names in double at-signs) with validated values.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";

export const LIFECYCLE_SCRIPT_PATH = path.join(__dirname, "scripts", "studio-setup.sh");

/** SageMaker's limit on `StudioLifecycleConfigContent` (base64 characters). */
export const MAX_LIFECYCLE_CONTENT = 16384;

/**
 * The parameter names the script reads below the team's `parameterPath` (TeamStudioBinding).
 * The team environment writes them; StringList values are comma-separated.
 */
export const STUDIO_TEAM_PARAMETERS = {
    kmsKeyArn: "kms-key-arn",
    subnetIds: "subnet-ids",
    securityGroupIds: "security-group-ids",
    outputsBucket: "buckets/outputs",
    /** The pip repository endpoint (`https://<domain>-<owner>.d.codeartifact.<region>.amazonaws.com/pypi/approved/`). */
    codeArtifactEndpoint: "codeartifact-endpoint",
    /** The mandatory tags (G1) as `key=value,...` (sdkTagsParameter), written into the SDK defaults. */
    sdkTags: "sdk-tags",
} as const;

/** What the script's `safe` check admits in one tag key or value (no comma, no equals sign, no quote). */
const SDK_TAG_PART = /^[A-Za-z0-9:/._@+-]+$/;

/**
 * The `sdk-tags` parameter: the given keys of `tags` as `key=value,...`, in the order of `keys`.
 * Throws on a missing key or a character the script would refuse, so a plain estimator.fit() can
 * never be denied for a tag the defaults silently dropped (G1).
 */
export function sdkTagsParameter(tags: Record<string, string>, keys: readonly string[]): string {
    return keys
        .map((key) => {
            const value = tags[key];
            if (value === undefined) throw new Error(`sdkTagsParameter: tag ${key} has no value; the SDK defaults must carry every mandatory tag.`);
            for (const part of [key, value]) {
                if (!SDK_TAG_PART.test(part)) {
                    throw new Error(`sdkTagsParameter: "${part}" (tag ${key}) has characters the Studio setup script refuses; use ${SDK_TAG_PART}.`);
                }
            }
            return `${key}=${value}`;
        })
        .join(",");
}

export type StudioAppKind = "JupyterLab" | "CodeEditor";

export interface LifecycleScriptValues {
    /** SSM path of the team's parameters, e.g. `/secure-ds/acme-dev/teams/fraud`. */
    parameterPath: string;
    region: string;
    /** Internal conda channel; empty keeps conda offline. */
    condaChannelUrl?: string;
    appKind: StudioAppKind;
}

const SAFE: Record<keyof LifecycleScriptValues, RegExp> = {
    parameterPath: /^\/[A-Za-z0-9_.\-/]+$/,
    region: /^[a-z]{2}(-gov)?-[a-z]+-\d$/,
    condaChannelUrl: /^(https:\/\/[A-Za-z0-9.\-:/_~%]+)?$/,
    appKind: /^(JupyterLab|CodeEditor)$/,
};

/** The script with its markers filled in. Throws on a value that could break out of its quotes. */
export function renderLifecycleScript(values: LifecycleScriptValues, template = readFileSync(LIFECYCLE_SCRIPT_PATH, "utf8")): string {
    const filled: Record<string, string> = {
        PARAMETER_PATH: values.parameterPath,
        REGION: values.region,
        CONDA_CHANNEL_URL: values.condaChannelUrl ?? "",
        APP_KIND: values.appKind,
    };
    for (const [key, pattern] of Object.entries(SAFE) as [keyof LifecycleScriptValues, RegExp][]) {
        const value = key === "condaChannelUrl" ? (values.condaChannelUrl ?? "") : String(values[key]);
        if (!pattern.test(value)) {
            throw new Error(`renderLifecycleScript: ${key} "${value}" contains characters that are not allowed in the lifecycle script; use ${pattern}.`);
        }
    }
    const rendered = template.replace(/@@([A-Z_]+)@@/g, (marker, name: string) => {
        const value = filled[name];
        if (value === undefined) throw new Error(`renderLifecycleScript: the script uses ${marker}, which has no value.`);
        return value;
    });
    return rendered;
}

/** Base64 content for `aws.sagemaker.StudioLifecycleConfig`, checked against SageMaker's limit. */
export function lifecycleConfigContent(values: LifecycleScriptValues): string {
    const content = Buffer.from(renderLifecycleScript(values), "utf8").toString("base64");
    if (content.length > MAX_LIFECYCLE_CONTENT) {
        throw new Error(
            `lifecycleConfigContent: the rendered script is ${content.length} base64 characters; SageMaker accepts ${MAX_LIFECYCLE_CONTENT}. Shorten studio-setup.sh.`,
        );
    }
    return content;
}
