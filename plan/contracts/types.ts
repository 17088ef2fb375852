/**
 * AWS-side constraints on resource inputs, kept as data (one file per service in this folder):
 * what the AWS API reference (or the Terraform AWS provider, which the Pulumi AWS provider wraps)
 * says a property accepts. The provider checks few of them at preview time, so a value it lets
 * through is found only when `pulumi up` calls the API (e.g. apostrophes in security-group
 * descriptions). The checker (check.ts) applies them to the plan's resource inputs.
 */

import type { PlanContractViolation } from "../types";

/**
 * What a rule constrains. `pattern` is matched against the whole value (anchor it); `chars`
 * names the allowed characters in words for the message, since a regular expression alone
 * rarely tells the author what to change.
 */
export type Constraint =
    | { kind: "length"; min?: number; max: number }
    | { kind: "pattern"; pattern: RegExp; expected: string }
    | { kind: "forbidden"; pattern: RegExp; expected: string }
    | { kind: "range"; min: number; max: number }
    | { kind: "enum"; values: readonly (string | number)[] };

export interface ContractRule {
    /** Pulumi type token of the resource, e.g. `aws:ec2/securityGroup:SecurityGroup`; `*` for every AWS resource. */
    type: string;
    /**
     * Property path in the resource's inputs, segments separated by `.`: a property name, `[]`
     * (every element of a list), `{key}` / `{value}` (every key / value of a map), `(json)` (a
     * string holding JSON, as provider inputs are sent).
     */
    path: string;
    /** The API's name of the field, for the message (e.g. `CreateSecurityGroup GroupDescription`). */
    field: string;
    constraint: Constraint;
    /** The page of the AWS API reference or the provider's source that states the rule. */
    source: string;
}

/** One input the AWS API would reject: the plan format's PlanContractViolation. */
export type ContractViolation = PlanContractViolation;
