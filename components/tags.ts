/**
 * The platform's tag vocabulary, written once: the config schema, the stacks and the components
 * read it from here. (The team tag value of shared resources, PLATFORM_TEAM, lives with the team
 * documents in guardrails/teamScope.ts, since the permission boundary names it and guardrails
 * import nothing from the rest of components/.)
 */

/** Tag keys every taggable resource carries and every SageMaker create request must name (G1). */
export const MANDATORY_TAG_KEYS = ["team", "environment", "owner", "cost-center"] as const;
export type MandatoryTagKey = (typeof MANDATORY_TAG_KEYS)[number];

/**
 * The network role every VPC of the platform declares: `isolated` on the data-science VPC, `egress`
 * on the package scanning VPC, the only one allowed an internet path. The pack's N6 rule fails
 * closed on it: a VPC without a role, or an internet path outside an `egress` VPC, is refused (N6,
 * N7).
 */
export const NETWORK_ISOLATION_TAG = { key: "secure-ds:network-isolation", value: "isolated" } as const;
export const NETWORK_EGRESS_TAG = { key: NETWORK_ISOLATION_TAG.key, value: "egress" } as const;
