/**
 * What the identity provider's administrators configure for the SAML broker (access.samlBroker),
 * from config alone, so a first preview prints it too: the audience, one ACS URL per team (the
 * private API's id is known only after `pulumi up`: the stack output `samlBroker.acsUrls` has the
 * URLs with it) and the steps. Part of the `corporateAccessPlan` output.
 */
import { BROKER_PATH, BROKER_STAGE, brokerApiHost, defaultBrokerAudience } from "../../components/access/defaults";
import { SamlBrokerConfig } from "./access";

export interface SamlBrokerIdpPlan {
    /** The SAML application's entity id / audience. */
    audience: string;
    /** ACS (reply) URL per team, `{rest-api-id}` to be read from the stack output samlBroker.apiId after pulumi up. */
    acsUrls: Record<string, string>;
    /** What the IdP side does, in order. */
    idpSteps: string[];
}

export function samlBrokerIdpPlan(
    cfg: { organization: string; environment: string; region: string; partition: string },
    broker: SamlBrokerConfig,
): SamlBrokerIdpPlan {
    const audience = broker.audience ?? defaultBrokerAudience(cfg);
    const base = `https://${brokerApiHost("{rest-api-id}", cfg.region, cfg.partition)}/${BROKER_STAGE}/${BROKER_PATH}`;
    return {
        audience,
        acsUrls: Object.fromEntries(broker.teams.map((t) => [t, `${base}/${t}`])),
        idpSteps: [
            `Per team (${broker.teams.join(", ")}): one IdP-initiated SAML application with entity id ${audience} and the team's ACS URL (rest-api-id from stack output samlBroker.apiId, or samlBroker.acsUrls, after pulumi up).`,
            "NameID: the user's Studio profile name (teams[].users[].name), format unspecified; assign only that team's users to the application.",
            `Sign the assertion (RSA-SHA256) with the key whose certificate is in access.samlBroker.idpCertificates; Issuer ${broker.idpEntityId}; assertion lifetime a few minutes.`,
            `Corporate DNS forwards execute-api.${cfg.region}.${cfg.partition === "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com"} to the Resolver inbound endpoint (resolverInbound.forwardingRules), so the ACS URL resolves to the execute-api endpoint's private IPs.`,
        ],
    };
}
