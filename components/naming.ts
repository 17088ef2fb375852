/**
 * Resource naming. Names are deterministic from config so that policies can name ARNs before
 * the resources exist, and so that adding a team or user never renames (replaces) anything.
 */

export interface NamingContext {
    organization: string;
    environment: string;
}

/** `acme-dev`: the prefix of every physical name. */
export function namePrefix(ctx: NamingContext): string {
    return `${ctx.organization}-${ctx.environment}`;
}

/** S3 bucket names are global: the account id makes them unique and predictable. Max 63 characters. */
export function bucketName(ctx: NamingContext, purpose: string, accountId: string): string {
    const name = `${namePrefix(ctx)}-${purpose}-${accountId}`;
    if (name.length > 63) {
        throw new Error(`bucket name ${name} is ${name.length} characters; S3 allows 63. Shorten the organization, team or purpose.`);
    }
    return name;
}

/**
 * What every bucket name of this organisation and environment starts with (`bucketName`, and the
 * team buckets of components/team/names.ts, `<org>-<env>-<team>-<purpose>-<account>`): the
 * trails' S3 data-event selectors match it, so a new team's buckets are logged without being
 * listed anywhere (G4).
 */
export function platformBucketNamePrefix(ctx: NamingContext): string {
    return `${namePrefix(ctx)}-`;
}

/** IAM role names: at most 64 characters. */
export function iamRoleName(ctx: NamingContext, purpose: string): string {
    const name = `${namePrefix(ctx)}-${purpose}`;
    if (name.length > 64) {
        throw new Error(`IAM role name ${name} is ${name.length} characters; IAM allows 64. Shorten the organization or team name.`);
    }
    return name;
}
