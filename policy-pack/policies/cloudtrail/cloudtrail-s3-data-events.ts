import { ListOf, PropsOf, SecureDsResourcePolicy, TYPES, list, propsOf, strings, text } from "../common";

const S3_OBJECT = "AWS::S3::Object";

type Trail = PropsOf<typeof TYPES.cloudtrailTrail>;

/** Which of read / write a classic event selector's readWriteType covers. */
function classicCoverage(selector: ListOf<Trail["eventSelectors"]>[number]): ("read" | "write")[] {
    const logsObjects = list(selector?.dataResources).some((d) => d?.type === S3_OBJECT && strings(d?.values).length > 0);
    if (!logsObjects) return [];
    const rw = text(selector?.readWriteType) ?? "All";
    return rw === "All" ? ["read", "write"] : rw === "ReadOnly" ? ["read"] : rw === "WriteOnly" ? ["write"] : [];
}

/** Which of read / write an advanced event selector on S3 objects covers (no readOnly field: both). */
function advancedCoverage(selector: ListOf<Trail["advancedEventSelectors"]>[number]): ("read" | "write")[] {
    const fields = list(selector?.fieldSelectors);
    const field = (name: string) => fields.find((f) => f?.field === name);
    const equalsOf = (name: string) => strings(field(name)?.equals);
    if (!equalsOf("resources.type").includes(S3_OBJECT)) return [];
    const category = field("eventCategory");
    if (category && !equalsOf("eventCategory").includes("Data")) return [];
    const readOnly = field("readOnly");
    if (!readOnly) return ["read", "write"];
    const values = equalsOf("readOnly");
    return [...(values.includes("true") ? ["read" as const] : []), ...(values.includes("false") ? ["write" as const] : [])];
}

/**
 * G4 (Prowler cloudtrail_s3_dataevents_read_enabled / _write_enabled): trails record S3
 * object-level events, reads and writes, so who read or changed team data is on record — the
 * management events alone show only bucket configuration changes.
 */
export const cloudtrailS3DataEvents: SecureDsResourcePolicy = {
    name: "cloudtrail-s3-data-events",
    description:
        "Every CloudTrail trail must record S3 object data events, both read and write, through eventSelectors (dataResources of type AWS::S3::Object) or advancedEventSelectors (resources.type AWS::S3::Object) (G4).",
    controls: ["G4"],
    remediation:
        "Keep governance.trail.s3DataEvents on (the default): AccountTrail then logs the object events of every bucket whose name starts with the platform prefix (<organization>-<environment>-, team buckets included whichever stack makes them), or of every bucket of the account, the audit archive's own excepted.",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            required: {
                type: "boolean",
                default: true,
                description: "Require S3 data events on every trail. Set false for stacks that turn governance.trail.s3DataEvents off. Default true.",
            },
        },
    },
    validateResource: (args, reportViolation) => {
        const p = propsOf(args, TYPES.cloudtrailTrail);
        if (!p) return;
        const { required } = args.getConfig<{ required: boolean }>();
        if (!required) return;
        const covered = new Set([
            ...list(p.eventSelectors).flatMap((s) => classicCoverage(s)),
            ...list(p.advancedEventSelectors).flatMap((s) => advancedCoverage(s)),
        ]);
        const missing = (["read", "write"] as const).filter((k) => !covered.has(k));
        if (missing.length > 0) {
            reportViolation(
                `Trail ${args.name} does not record S3 object ${missing.join(" and ")} data events; add an event selector on AWS::S3::Object (G4).`,
            );
        }
    },
};
