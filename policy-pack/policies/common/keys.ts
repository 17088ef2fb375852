/** Customer-managed KMS keys versus AWS-managed ones, as key references appear in props. */
import { text } from "./values";

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
