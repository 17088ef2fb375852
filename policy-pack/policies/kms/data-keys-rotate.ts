import type { PolicyResource } from "@pulumi/policy";
import { NOT_KNOWN, SecureDsStackPolicy, TYPES, dependenciesOf, isAwsManagedKeyRef, keyRef, known, list, ofType, propsOf, record } from "../common";

interface KeyUse {
    resource: PolicyResource;
    /** Property whose dependencies name the key. */
    property: string;
    /** The key reference as written (may be absent: nothing to follow; NOT_KNOWN in a preview). */
    ref: string | undefined | typeof NOT_KNOWN;
}

/** The key references of the data holders this rule follows. */
function keyUses(resources: PolicyResource[]): KeyUse[] {
    const uses: KeyUse[] = [];
    for (const r of ofType(resources, TYPES.sagemakerDomain, TYPES.cloudwatchLogGroup)) {
        uses.push({ resource: r, property: "kmsKeyId", ref: keyRef(() => propsOf(r, TYPES.sagemakerDomain, TYPES.cloudwatchLogGroup)?.kmsKeyId) });
    }
    for (const r of ofType(resources, TYPES.s3Sse, TYPES.s3SseV2)) {
        const rules = known(() => list(propsOf(r, TYPES.s3Sse, TYPES.s3SseV2)?.rules));
        if (rules === NOT_KNOWN) {
            uses.push({ resource: r, property: "rules", ref: NOT_KNOWN });
            continue;
        }
        const refs = rules.map((rule) => keyRef(() => rule?.applyServerSideEncryptionByDefault?.kmsMasterKeyId));
        for (const ref of refs) if (ref) uses.push({ resource: r, property: "rules", ref });
        // A single `rule` is no input of the aws v7 types (so it is read untyped); a program
        // that passes one still has its key followed.
        const single = keyRef(() => record(record(r.props.rule).applyServerSideEncryptionByDefault).kmsMasterKeyId);
        if (single) uses.push({ resource: r, property: "rule", ref: single });
    }
    return uses;
}

/**
 * E9 for the keys that hold data: every customer key a Studio domain (home EFS), a bucket's
 * default encryption or a log group uses is a key of this stack that rotates. Followed through
 * property dependencies (the key ARN is unknown in a real preview). A literal key ARN with no
 * dependency is a key this stack does not manage, whose rotation nobody checks: rejected unless
 * the pack config lists it.
 */
export const dataKeysRotate: SecureDsStackPolicy = {
    name: "data-keys-rotate",
    description:
        "Every KMS key used by a SageMaker domain, an S3 bucket's default encryption or a CloudWatch log group must be a key of the stack with enableKeyRotation true, unless listed as externally managed (E9, E1, E7, E8).",
    controls: ["E9", "E1", "E7", "E8"],
    // Not critical, although a control it cites is: rotation limits a key's exposure over time; the keys themselves are required by the critical E1/E7 policies.
    severity: "high",
    remediation: "Pass the key of a CustomerKey (components/kms/CustomerKey.ts), which rotates, instead of a literal key ARN or a non-rotating key.",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            externalKeyArns: {
                type: "array",
                items: { type: "string" },
                default: [],
                description: "Key ARNs managed (and rotated) outside this stack that data holders may use. Default: none.",
            },
        },
    },
    validateStack: (args, reportViolation) => {
        const { externalKeyArns } = args.getConfig<{ externalKeyArns: string[] }>();
        for (const use of keyUses(args.resources)) {
            const keys = dependenciesOf(use.resource, use.property, [TYPES.kmsKey]);
            if (keys.length === 0) {
                if (use.ref === NOT_KNOWN) {
                    // Unknown and from no key of the stack: from a resource whose key cannot be followed.
                    reportViolation(`${use.resource.name} uses a key that is not a key of this stack; its rotation cannot be checked (E9).`, use.resource.urn);
                    continue;
                }
                if (!use.ref || isAwsManagedKeyRef(use.ref) || externalKeyArns.includes(use.ref)) continue;
                reportViolation(
                    `${use.resource.name} uses key ${use.ref}, which is not a key of this stack; its rotation cannot be checked (E9).`,
                    use.resource.urn,
                );
                continue;
            }
            for (const key of keys) {
                if (propsOf(key, TYPES.kmsKey)?.enableKeyRotation !== true) {
                    reportViolation(
                        `${use.resource.name} uses KMS key ${key.name}, which does not rotate; set enableKeyRotation: true (E9).`,
                        use.resource.urn,
                    );
                }
            }
        }
    },
};
