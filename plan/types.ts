/**
 * The offline plan format (documented in docs/plan-format.md). Stable: fields are only added.
 */

import type { QuotaPlanRow } from "../components/network/quotaPlanner";
import type { PeerCheckRef } from "../policy-pack/coverage/peerChecks";
import type { ExemptionState, PackExemption, Severity } from "../policy-pack/policies/common";

export type { PeerCheckRef, Severity };
import type { PlanDiff } from "./diff/types";

export const PLAN_FORMAT_VERSION = 2;

/**
 * `preview` plans as a first `pulumi preview` sees the stack: provider-computed outputs (ids,
 * ARNs, ...) are unknown. `up` fabricates them, as if the stack had been deployed.
 */
export type PlanMode = "preview" | "up";

/**
 * The marker of a value not known before the resource exists: the engine's own unknown sentinel
 * (`plugin.UnknownStringValue`), in place of the whole value that depends on one.
 */
export const PLAN_UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export interface PlanResourceOptions {
    /** `protect`: the engine refuses to delete the resource. */
    protect: boolean;
    /** `retainOnDelete`: deleting it from the program leaves the cloud resource in place. */
    retainOnDelete: boolean;
    /** URNs of explicit `dependsOn` resources. */
    dependsOn: string[];
    /** Property paths whose changes are ignored. */
    ignoreChanges: string[];
    deleteBeforeReplace: boolean;
}

export interface PlanResource {
    urn: string;
    type: string;
    name: string;
    /** URN of the parent resource (the stack for top-level resources). */
    parent?: string;
    /** True for cloud resources, false for components and the stack. */
    custom: boolean;
    /** A component constructed by its provider plugin (e.g. awsx:ec2:Vpc); only with `visible: false`. */
    remote?: boolean;
    /**
     * false: the resources this component creates are made by its provider plugin, which the
     * offline engine does not run, so neither the plan nor the pack sees them.
     */
    visible?: boolean;
    /** URN of the provider managing a custom resource. */
    provider?: string;
    /** AWS account id the resource is deployed into (from its provider's allowedAccountIds). */
    account?: string;
    /** Account layer (management, sharedServices, workload) of the resource's provider. */
    layer?: string;
    /** Physical id; PLAN_UNKNOWN for a custom resource in a preview. */
    id?: string;
    /** Inputs as the program passed them, resolved; PLAN_UNKNOWN where a value is not known yet. */
    inputs: Record<string, unknown>;
    /** State the engine returned: inputs plus ids, ARNs and computed attributes (PLAN_UNKNOWN in a preview). */
    outputs: Record<string, unknown>;
    options: PlanResourceOptions;
    /** Input property name → URNs of the resources its value was computed from. */
    propertyDependencies: Record<string, string[]>;
}

export type EnforcementLevel = "advisory" | "mandatory" | "remediate" | "disabled";

export interface PlanFinding {
    policy: string;
    level: EnforcementLevel;
    /** URN of the offending resource; absent for a stack-level finding without one. */
    urn?: string;
    message: string;
    /** Guardrail control IDs the policy implements (docs/guardrails.md). */
    controls: string[];
    /** The resource's logical name (from the URN). Set by the plan (plan/findings/describe.ts), as are the fields below. */
    name?: string;
    /** The policy's severity (policy-pack/policies/common/severity.ts). */
    severity?: Severity;
    /** What to change: the policy's remediation text. */
    remediation?: string;
    /** Peer checks (Security Hub, checkov, Prowler) the policy covers (policy-pack/coverage/peerChecks.ts). */
    peerChecks?: PeerCheckRef[];
    /** The exemption that matched: `exempted` (reported advisory, does not fail) or `expired` (enforced again). */
    exemption?: PlanFindingExemption;
}

/** An exemption as a finding or the exemption report names it (exemptions/*.yaml, docs/configuration.md). */
export interface PlanExemption extends PackExemption {
    policy: string;
}

export interface PlanFindingExemption extends PlanExemption {
    state: ExemptionState;
}

/** What became of the stack's exemptions in this plan. */
export interface PlanExemptionReport {
    /** Findings an exemption applied to. */
    applied: number;
    /** Exemptions past their expiry: their findings are enforced again. */
    expired: PlanExemption[];
    /** Live exemptions that matched no finding of a judged policy: remove them. */
    unused: PlanExemption[];
}

/** A policy that could not decide on a resource because a value it reads is unknown in a preview. */
export interface PlanUndecided {
    policy: string;
    /** The level the policy is configured with (the pack reports these as advisory whatever it is). */
    level: EnforcementLevel;
    urn?: string;
    /** What was unknown, as the policy SDK says it. */
    message: string;
}

/**
 * A check a policy deferred to `pulumi up` because a document it must read is unknown in a preview
 * (`deferToUp`, policy-pack/policies/common/preview.ts). Counted apart from `undecided`: the
 * policy says so by its `previewDeferral` metadata, which is the reason given here.
 */
export interface PlanDeferred extends PlanUndecided {
    /** The policy's `previewDeferral`: why a preview cannot judge this. */
    reason: string;
}

/**
 * An input the AWS API would reject (plan/contracts/: the character set, length, pattern, range or
 * enum the API reference or the provider states). The provider checks few of these in a preview,
 * so without this check they surface only when `pulumi up` calls the API.
 */
export interface PlanContractViolation {
    urn: string;
    type: string;
    /** The concrete input path, with list indexes and map keys filled in (e.g. `ingress[2].description`). */
    path: string;
    /** The API's name of the field (e.g. `CreateSecurityGroup GroupDescription`). */
    field: string;
    /** The offending value (for a rule on map keys, the key). */
    value: string | number;
    /** What AWS accepts, in words. */
    expected: string;
    /** The page of the AWS API reference or the provider's source that states the rule. */
    source: string;
}

/**
 * One row of the quota plan (plan/quotas.ts): what the planned resources of an account use of an
 * AWS quota, against the stack's declared value or the default, with the Service Quotas code.
 */
export type PlanQuota = QuotaPlanRow;

/** A step `pulumi up` cannot take and a person must (plan/manualSteps.ts; docs/operations.md). */
export interface PlanManualStep {
    /** The kind of step: codestar-connection-handshake, identity-center-assignments, sns-email-confirmation, quota-request, endpoint-policy-support, package-gate-toolchain-image, saml-broker-idp-applications. */
    id: string;
    /** When to take it, e.g. "after the first pulumi up". */
    when: string;
    /** What to do, in one paragraph. */
    what: string;
    /** The account it is taken in, where it is one. */
    account?: string;
    /** The resources it concerns. */
    urns: string[];
    /** The runbook section (docs/operations.md) that gives it in full. */
    doc: string;
}

export interface PlanSummary {
    stack: string;
    mode: PlanMode;
    environment?: string;
    resourceCount: number;
    customResourceCount: number;
    /** account id → component type → custom resource count. */
    byAccount: Record<string, Record<string, number>>;
    /** `mandatory` counts only findings not exempted (an exempted one is reported advisory and counted in `exempted` too). */
    findings: { mandatory: number; advisory: number; exempted?: number };
    /** Inputs the AWS API would reject (contractViolations[]). */
    contractViolations: number;
    /** "can't run … during preview" per policy and configured level. */
    undecided: { total: number; byPolicy: Record<string, Partial<Record<EnforcementLevel, number>>> };
    /** Checks deferred to `pulumi up` (see PlanDeferred), per policy and configured level. */
    deferred: { total: number; byPolicy: Record<string, Partial<Record<EnforcementLevel, number>>> };
    /** URNs of remote components whose resources the plan cannot see. */
    notVisible: string[];
    /** Sections contributed by components (e.g. the network capacity plan). */
    sections: Record<string, unknown>;
}

export interface Plan {
    formatVersion: number;
    project: string;
    stack: string;
    mode: PlanMode;
    resources: PlanResource[];
    /** Stack outputs. */
    outputs: Record<string, unknown>;
    findings: PlanFinding[];
    /** Checks the pack could not run in a preview (see PlanUndecided). */
    undecided: PlanUndecided[];
    /** Checks the pack deferred to `pulumi up` (see PlanDeferred); not in `undecided`. */
    deferred: PlanDeferred[];
    /** Quota use per account and quota; a plan is refused (config error) before one exceeds its limit. */
    quotas: PlanQuota[];
    /** Steps a person must take around `pulumi up` (docs/operations.md, "Post-deploy manual steps"). */
    manualSteps: PlanManualStep[];
    /** Inputs the AWS API would reject; any makes `npm run plan` exit 1. */
    contractViolations: PlanContractViolation[];
    /** The policy pack config the findings were evaluated with (policy-pack/config/*.json content, with the exemptions and policy selection merged in). */
    packConfig: Record<string, unknown>;
    /** Exemptions applied, expired and unused (absent in plans made before exemptions existed). */
    exemptions?: PlanExemptionReport;
    summary: PlanSummary;
    /** With `npm run plan -- --diff BASE`: what `pulumi up` would do relative to BASE (plan/diff/). */
    diff?: PlanDiff;
}
