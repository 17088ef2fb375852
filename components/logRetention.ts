/** CloudWatch Logs retention, shared by every component that creates a log group (E8). */

/** Retentions CloudWatch Logs accepts, in days. 0 ("never expire") is deliberately absent: E8 wants a retention. */
export const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

/** One year: how long the platform's log groups keep events unless configured otherwise. */
export const DEFAULT_LOG_RETENTION_DAYS = 365 as const;
