import { z } from "zod";

/** Package mirror and scan pipeline (shared-services account). See docs/configuration.md#packages. */
export const packagesSchema = z.strictObject({});

export type PackagesConfig = z.infer<typeof packagesSchema>;
