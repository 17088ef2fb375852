/**
 * Shared types and helpers for the secure-ds policies.
 *
 * Policies read only resource properties; they never import components. Resource types are
 * matched by their type token (a string), and `@pulumi/aws` is imported for types only, so
 * loading the pack does not load the AWS SDK (see bench/policyPack.ts).
 */
import type { ResourceValidationPolicy, StackValidationPolicy, PolicyResource } from "@pulumi/policy";

/** What every secure-ds policy adds to CrossGuard's metadata. */
export interface PolicyMeta {
    /** Guardrail control IDs implemented (docs/guardrails.md), e.g. ["N1"]. */
    controls: string[];
    /** What to change when the policy fires. */
    remediation: string;
}

export type SecureDsResourcePolicy = ResourceValidationPolicy & PolicyMeta;
export type SecureDsStackPolicy = StackValidationPolicy & PolicyMeta;
export type SecureDsPolicy = SecureDsResourcePolicy | SecureDsStackPolicy;

export function isStackPolicy(policy: SecureDsPolicy): policy is SecureDsStackPolicy {
    return "validateStack" in policy;
}

/** Type tokens of the resources the policies inspect. */
export const T = {
    sagemakerDomain: "aws:sagemaker/domain:Domain",
    sagemakerUserProfile: "aws:sagemaker/userProfile:UserProfile",
    kmsKey: "aws:kms/key:Key",
    s3Bucket: "aws:s3/bucket:Bucket",
    s3BucketV2: "aws:s3/bucketV2:BucketV2",
    s3Sse: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    s3SseV2: "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
    awsProvider: "pulumi:providers:aws",
} as const;

/** A plain-object view of a value read from props. */
export function record(value: unknown): Record<string, unknown> {
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** A list view of a value read from props (a single object counts as a list of one). */
export function list(value: unknown): unknown[] {
    if (Array.isArray(value)) return value;
    return value === undefined || value === null ? [] : [value];
}

/** A JSON policy statement as read from a resource property (every field may be absent or malformed). */
export interface IamStatement {
    Sid?: string;
    Effect?: string;
    Principal?: unknown;
    NotPrincipal?: unknown;
    Action?: unknown;
    NotAction?: unknown;
    Resource?: unknown;
    NotResource?: unknown;
    Condition?: Record<string, Record<string, unknown>>;
}

/** String values of a scalar-or-list field (Action, Resource, a condition value). */
export function strings(value: unknown): string[] {
    return list(value).filter((v): v is string => typeof v === "string");
}

/** Does an IAM action pattern (with `*` / `?`) match the action? Case-insensitive, like IAM. */
export function actionMatches(pattern: string, action: string): boolean {
    const re = new RegExp(
        `^${pattern
            .replace(/[.+^${}()|[\]\\]/g, "\\$&")
            .replace(/\*/g, ".*")
            .replace(/\?/g, ".")}$`,
        "i",
    );
    return re.test(action);
}

/** A non-empty string, or undefined. */
export function text(value: unknown): string | undefined {
    return typeof value === "string" && value.length > 0 ? value : undefined;
}

/** True for an AWS-managed key alias (aws/s3, aws/ebs, ...): not a customer key. */
export function isAwsManagedKeyRef(ref: string): boolean {
    return /(^|:)alias\/aws\//.test(ref);
}

/**
 * Why a key reference is not a customer key, or undefined when it is one. `what` names the
 * property for the message.
 */
export function customerKeyProblem(value: unknown, what: string): string | undefined {
    const key = text(value);
    if (key === undefined) return `has no ${what}; it would use an AWS-managed key`;
    if (isAwsManagedKeyRef(key)) return `uses the AWS-managed key ${key} as ${what}; use a customer-managed key`;
    return undefined;
}

/**
 * Reads a value that may be unknown during a preview. The SDK's proxy throws when an unknown
 * value is read; a stack policy that lets it escape is skipped whole, so per-resource reads that
 * may hit an unknown go through this and get NOT_KNOWN back.
 */
export const NOT_KNOWN: unique symbol = Symbol("not known during preview");

export function known<T>(read: () => T): T | typeof NOT_KNOWN {
    try {
        return read();
    } catch (err) {
        if (err instanceof Error && /unknown/i.test(`${err.constructor.name} ${err.name}`)) return NOT_KNOWN;
        throw err;
    }
}

/** Resources of a stack whose type is one of `types`. */
export function ofType(resources: PolicyResource[], ...types: string[]): PolicyResource[] {
    return resources.filter((r) => types.includes(r.type));
}

/**
 * Whether `resource` references `target`: through property dependencies (works in a preview,
 * where ids are unknown) or through a known id/ARN/name value equal to the target's.
 */
export function references(resource: PolicyResource, property: string, target: PolicyResource): boolean {
    const deps = resource.propertyDependencies?.[property] ?? [];
    if (deps.some((d) => d.urn === target.urn)) return true;
    const value = resource.props[property];
    const ids = [target.props.id, target.props.arn, target.props.bucket, target.props.keyId, target.props.name].filter((v) => typeof v === "string");
    return typeof value === "string" && ids.includes(value);
}
