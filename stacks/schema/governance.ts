import { z } from "zod";

/** Organization guardrails, detective controls, audit trail, security services. See docs/configuration.md#governance. */
export const governanceSchema = z.strictObject({});

export type GovernanceConfig = z.infer<typeof governanceSchema>;
