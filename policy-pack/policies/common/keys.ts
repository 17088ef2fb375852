/** Customer-managed KMS keys versus AWS-managed ones, as key references appear in props. */
import { NOT_KNOWN, known } from "./preview";
import { text } from "./values";

/** True for an AWS-managed key alias (aws/s3, aws/ebs, ...): not a customer key. */
export function isAwsManagedKeyRef(ref: string): boolean {
    return /(^|:)alias\/aws\//.test(ref);
}

/**
 * A key reference read from props: the reference, undefined when not set, or NOT_KNOWN when it is
 * unknown in a preview. An unknown reference is set, and it is a customer key: AWS-managed keys
 * are named by literal aliases (`alias/aws/s3`), which a preview knows, so an unknown one is the
 * id or ARN of a key being created with the stack.
 */
export function keyRef(read: () => unknown): string | undefined | typeof NOT_KNOWN {
    const v = known(read);
    return v === NOT_KNOWN ? NOT_KNOWN : text(v);
}

/**
 * Why a key reference is not a customer key, or undefined when it is one (an unknown reference
 * is, see keyRef). `read` reads the property; `what` names it for the message.
 */
export function customerKeyProblem(read: () => unknown, what: string): string | undefined {
    const key = keyRef(read);
    if (key === NOT_KNOWN) return undefined;
    if (key === undefined) return `has no ${what}; it would use an AWS-managed key`;
    if (isAwsManagedKeyRef(key)) return `uses the AWS-managed key ${key} as ${what}; use a customer-managed key`;
    return undefined;
}
