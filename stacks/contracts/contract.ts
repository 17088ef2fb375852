/**
 * Typed contracts between per-account stacks. A producer stack exports one output per contract
 * (its `output` key); a consumer reads it through `pulumi.StackReference` and gets the value
 * checked against the contract's schema. A missing output or a value of the wrong shape fails
 * the consumer's program with one line naming the stack, the output and the fix.
 */
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { UpstreamKey } from "../schema/stack";

export interface Contract<T> {
    /** The producer's stack output that carries the contract. */
    output: string;
    /** The `stack.upstream` key that names the stack exporting it. */
    producer: UpstreamKey;
    schema: z.ZodType<T>;
}

/** The producer side: the value as the contract types it (compile-time check of the export). */
export function contractValue<T>(_contract: Contract<T>, value: pulumi.Input<T> | pulumi.Output<T>): pulumi.Output<T> {
    return pulumi.output(value) as pulumi.Output<T>;
}

const references = new Map<string, pulumi.StackReference>();

/** One StackReference per upstream stack, named after the stack (the usual Pulumi convention). */
function referenceTo(stackName: string): pulumi.StackReference {
    let ref = references.get(stackName);
    if (!ref) {
        ref = new pulumi.StackReference(stackName, { name: stackName });
        references.set(stackName, ref);
    }
    return ref;
}

/** The first problem of a failed parse, as "<path>: <message>". */
function firstProblem(error: z.ZodError): string {
    const issue = error.issues[0];
    if (!issue) return "does not match the contract";
    const path = issue.path.map(String).join(".");
    return `${path ? `${path}: ` : ""}${issue.message}`;
}

/**
 * Reads a contract from the stack named `stackName`. `accountId`: the account the config's
 * directory says the producer deploys into; the contract's own `accountId` must agree, so a
 * reference to the wrong stack (another environment's, another organisation's) fails here.
 */
export function readContract<T extends { accountId: string }>(
    contract: Contract<T>,
    stackName: string,
    accountId: string,
): { value: pulumi.Output<T>; ref: pulumi.StackReference } {
    const ref = referenceTo(stackName);
    const value = ref.outputs.apply((outputs) => {
        if (!Object.prototype.hasOwnProperty.call(outputs, contract.output)) {
            throw new pulumi.RunError(
                `stack reference ${stackName}: output "${contract.output}" is missing (the ${contract.producer} stack exports it); deploy ${stackName} with this version of secure-ds, or fix secure-ds:platform.stack.upstream.${contract.producer}`,
            );
        }
        const parsed = contract.schema.safeParse(outputs[contract.output]);
        if (!parsed.success) {
            throw new pulumi.RunError(
                `stack reference ${stackName}: output "${contract.output}" does not match its contract (${firstProblem(parsed.error)}); redeploy ${stackName} with this version of secure-ds`,
            );
        }
        if (parsed.data.accountId !== accountId) {
            throw new pulumi.RunError(
                `stack reference ${stackName}: output "${contract.output}" comes from account ${parsed.data.accountId}, but the config's ${contract.producer} account is ${accountId}; fix secure-ds:platform.stack.upstream.${contract.producer} or the accounts directory`,
            );
        }
        return parsed.data;
    });
    return { value, ref };
}
