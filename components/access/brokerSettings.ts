/**
 * The BROKER_SETTINGS environment variable of the broker Lambda: the JSON of settings.ts's
 * BrokerSettings, built from the component's arguments and held to the same checks the handler
 * makes at cold start (parseBrokerSettings), so a setting the handler would refuse fails the
 * program, not every sign-in. Pure.
 */
import { BrokerSettings, parseBrokerSettings } from "./broker/settings";

/**
 * Lambda's limit on all environment variables of a function together: 4 KB (Lambda developer
 * guide, "Lambda quotas": "Environment variables: 4 KB").
 */
export const LAMBDA_ENVIRONMENT_LIMIT_BYTES = 4096;

export const BROKER_SETTINGS_VARIABLE = "BROKER_SETTINGS";

/** The variable's value, or an error naming what does not fit. */
export function brokerSettingsJson(componentName: string, settings: BrokerSettings): string {
    const json = JSON.stringify(settings);
    parseBrokerSettings(json);
    const size = Buffer.byteLength(BROKER_SETTINGS_VARIABLE, "utf8") + Buffer.byteLength(json, "utf8");
    if (size > LAMBDA_ENVIRONMENT_LIMIT_BYTES) {
        throw new Error(
            `SamlBroker ${componentName}: BROKER_SETTINGS is ${size} bytes; Lambda allows ${LAMBDA_ENVIRONMENT_LIMIT_BYTES} for all environment variables. Serve fewer teams or users per broker (access.samlBroker.teams), or give the IdP one certificate.`,
        );
    }
    return json;
}
