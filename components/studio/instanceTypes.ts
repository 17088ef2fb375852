/**
 * Instance types a SageMaker Studio app can run on (the API's AppInstanceType enum, without the
 * reserved "system" type), and the families SageMaker jobs and endpoints accept beyond them.
 *
 * Kept in the repository rather than looked up: the program makes no API calls, and a test
 * compares the list with the SDK's enum (tests/studio/instanceTypes.test.ts) so a new family
 * shows up as a failing test, not as an instance type the web portal forgot to hide.
 */

const family = (name: string, sizes: string[]): string[] => sizes.map((size) => `ml.${name}.${size}`);

/** Every instance type Studio offers for apps (JupyterLab, Code Editor, spaces). */
export const STUDIO_APP_INSTANCE_TYPES: readonly string[] = [
    ...family("c5", ["large", "xlarge", "2xlarge", "4xlarge", "9xlarge", "12xlarge", "18xlarge", "24xlarge"]),
    ...family("c6i", ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "32xlarge"]),
    ...family("c6id", ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "32xlarge"]),
    ...family("c7i", ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "48xlarge"]),
    ...family("g4dn", ["xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"]),
    ...family("g5", ["xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "48xlarge"]),
    ...family("g6", ["xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "48xlarge"]),
    ...family("g6e", ["xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "48xlarge"]),
    ...family("g7", ["2xlarge", "4xlarge", "8xlarge", "12xlarge", "24xlarge", "48xlarge"]),
    ...family("g7e", ["2xlarge", "4xlarge", "8xlarge", "12xlarge", "24xlarge", "48xlarge"]),
    ...family("geospatial", ["interactive"]),
    ...family("m5", ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge"]),
    ...family("m5d", ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge"]),
    ...family("m6i", ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "32xlarge"]),
    ...family("m6id", ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "32xlarge"]),
    ...family("m7i", ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "48xlarge"]),
    ...family("p3", ["2xlarge", "8xlarge", "16xlarge"]),
    ...family("p3dn", ["24xlarge"]),
    ...family("p4d", ["24xlarge"]),
    ...family("p4de", ["24xlarge"]),
    ...family("p5", ["4xlarge", "48xlarge"]),
    ...family("p5en", ["48xlarge"]),
    ...family("p6-b200", ["48xlarge"]),
    ...family("r5", ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge"]),
    ...family("r6i", ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "32xlarge"]),
    ...family("r6id", ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "32xlarge"]),
    ...family("r7i", ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "48xlarge"]),
    ...family("t3", ["micro", "small", "medium", "large", "xlarge", "2xlarge"]),
    ...family("trn1", ["2xlarge", "32xlarge"]),
    ...family("trn1n", ["32xlarge"]),
];

/**
 * Families that exist for training, processing, transform or hosting but not for Studio apps.
 * An allow-list entry of such a family is valid (the G2 guardrail covers jobs too). Only families
 * the API names (the SDK's TrainingInstanceType, ProcessingInstanceType, TransformInstanceType or
 * ProductionVariantInstanceType enums; tests/studio/studioConfig.test.ts checks each).
 */
export const JOB_ONLY_FAMILIES: readonly string[] = [
    "c4",
    "c5d",
    "c5n",
    "c6g",
    "c6gd",
    "c6gn",
    "c6in",
    "c7g",
    "inf1",
    "inf2",
    "m4",
    "m6g",
    "m6gd",
    "p2",
    "p5e",
    "r5d",
    "r6g",
    "r6gd",
    "t2",
    "trn2",
];

const studioSet = new Set(STUDIO_APP_INSTANCE_TYPES);
const jobFamilies = new Set(JOB_ONLY_FAMILIES);

/** True for "system", any Studio app type, and any type of a known job-only family. */
export function isKnownInstanceType(type: string): boolean {
    if (type === "system" || studioSet.has(type)) return true;
    const [prefix, fam] = type.split(".");
    return prefix === "ml" && jobFamilies.has(fam);
}

/**
 * Studio app types the web portal hides: every known app type off the allow-list. The
 * allow-list is enforced by IAM (G2); hiding only spares users a launch that would be denied.
 */
export function hiddenInstanceTypes(allowList: readonly string[]): string[] {
    const allowed = new Set(allowList);
    return STUDIO_APP_INSTANCE_TYPES.filter((type) => !allowed.has(type));
}
