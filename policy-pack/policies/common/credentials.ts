/** Spotting clear-text credentials in environment variables (Lambda, CodeBuild). */

/**
 * Names of variables that look like they hold a credential. Names ending in _ARN, _NAME, _ID,
 * _KEY_ARN, _PATH or _URL are references to a secret, not the secret itself.
 */
const SECRET_NAME = /(SECRET|PASSWORD|PASSWD|PRIVATE_?KEY|ACCESS_?KEY|API_?KEY|TOKEN|CREDENTIAL)/i;
const REFERENCE_SUFFIX = /(_ARN|_NAME|_ID|_PATH|_URL|_URI)$/i;
const AWS_ACCESS_KEY_VALUE = /^(AKIA|ASIA)[A-Z0-9]{16}$/;

/** Why a name/value pair looks like a clear-text credential, or undefined. */
export function credentialReason(name: string, value: unknown): string | undefined {
    if (typeof value === "string" && AWS_ACCESS_KEY_VALUE.test(value)) return `its value looks like an AWS access key id`;
    if (name === "AWS_ACCESS_KEY_ID" || name === "AWS_SECRET_ACCESS_KEY" || name === "AWS_SESSION_TOKEN") return `${name} is an AWS credential`;
    if (SECRET_NAME.test(name) && !REFERENCE_SUFFIX.test(name)) return `the name ${name} suggests a secret`;
    return undefined;
}
