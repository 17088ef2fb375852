/**
 * `quotas`: the applied values of the account quotas the stack has had raised, keyed
 * `<service code>/<quota code>` as the quota planner's catalogue lists them
 * (components/network/quotaPlanner.ts). The offline plan holds each planned use against the
 * declared value instead of the default, so a stack is refused until its raise is granted and
 * declared, not half-way through `pulumi up`.
 */
import { z } from "zod";
import { QUOTAS, quotaDefinition } from "../../components/network/quotaPlanner";

const known = QUOTAS.filter((q) => q.code !== undefined).map((q) => q.key);

export const quotasSchema = z
    .record(
        z.string(),
        z
            .number()
            .int({ message: "is not a whole number; declare the applied quota value Service Quotas shows" })
            .positive({ message: "is not a positive quota value" }),
    )
    .superRefine((quotas, ctx) => {
        for (const key of Object.keys(quotas)) {
            const q = quotaDefinition(key);
            const message = !q
                ? `"${key}" is not a quota the planner knows; use one of ${known.join(", ")}`
                : !q.code
                  ? `"${key}" cannot be raised (${q.source}); remove it and change the config so the plan needs less`
                  : undefined;
            if (message) ctx.addIssue({ code: "custom", path: [key], message, params: { complete: true } });
        }
    });

export type QuotasConfig = z.infer<typeof quotasSchema>;
