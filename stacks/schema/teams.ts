import { z } from "zod";
import { dnsName, emailAddress } from "./common";

/** One Studio user. Its name becomes the user profile name and the `studiouserid` tag value. */
export const userSchema = z.strictObject({
    /** User id: lower-case, becomes the Studio user profile name and the `studiouserid` tag (I1, I2). */
    name: dnsName(32, "user name"),
    /** admin: the team's administrator; scientist: a data scientist. */
    role: z.enum(["admin", "scientist"]),
    /** Optional e-mail address for notifications. */
    email: emailAddress.optional(),
});

/** A data-science team: its own keys, buckets, roles and budget. */
export const teamSchema = z.strictObject({
    /** Team name: lower-case, at most 16 characters so prefixed bucket and role names fit AWS limits. */
    name: dnsName(16, "team name"),
    /** Monthly budget in USD for the team's AWS Budget (G6). */
    monthlyBudgetUsd: z.number().positive({ message: "must be a positive amount of US dollars" }),
    /** Addresses alerted when the budget crosses a threshold. Default none. */
    budgetAlertEmails: z.array(emailAddress).default([]),
    /** The team's users. */
    users: z.array(userSchema).min(1, { message: "is empty; a team needs at least one user" }),
});

export type UserConfig = z.infer<typeof userSchema>;
export type TeamConfig = z.infer<typeof teamSchema>;
