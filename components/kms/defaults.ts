/** Defaults and KMS bounds of CustomerKey, in a module without Pulumi imports. */
import type { CustomerKeyArgs } from "./CustomerKey";

/** Days KMS may wait before deleting a key. */
export const DELETION_WINDOW_DAYS_RANGE = { min: 7, max: 30 } as const;

export const CUSTOMER_KEY_DEFAULTS = {
    // The longest window (E9): a key scheduled for deletion by mistake can still be saved.
    deletionWindowInDays: DELETION_WINDOW_DAYS_RANGE.max,
    // Data encrypted under a deleted key is lost for good.
    protect: true,
    usage: "ENCRYPT_DECRYPT",
} satisfies Partial<CustomerKeyArgs>;
