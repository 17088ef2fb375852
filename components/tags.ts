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
 * Marks the isolated data-science VPC, as opposed to VPCs allowed egress (the package scanning
 * VPC). The network policies of the pack key on it (N6, N7).
 */
export const NETWORK_ISOLATION_TAG = { key: "secure-ds:network-isolation", value: "isolated" } as const;
