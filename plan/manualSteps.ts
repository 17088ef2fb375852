/**
 * The steps `pulumi up` cannot do and a person must, found from the planned
 * resources so a stack lists exactly its own: a CodeStar connection is created PENDING and its
 * pipeline fails until someone completes the handshake in the console; Identity Center
 * permission sets are created but not assigned; e-mail subscriptions wait for their
 * confirmation; a declared quota raise must have been granted in the account; the package gate's
 * toolchain image must be built and pinned by an operator. docs/operations.md
 * ("Post-deploy manual steps") gives each step in full.
 */
import { endpointKeyOfServiceName, interfaceEndpointSpec } from "../components/network/endpointCatalog";
import { PLAN_UNKNOWN, PlanManualStep, PlanQuota, PlanResource } from "./types";

/** The runbook; each step links its own section (a heading of docs/operations.md, "Post-deploy manual steps"). */
const RUNBOOK = "docs/operations.md";

const known = (value: unknown): string | undefined => (typeof value === "string" && value !== PLAN_UNKNOWN ? value : undefined);

function connectionSteps(resources: PlanResource[]): PlanManualStep[] {
    return resources
        .filter((r) => r.type === "aws:codestarconnections/connection:Connection")
        .map((r) => ({
            id: "codestar-connection-handshake",
            when: "after the first pulumi up",
            what: `Complete the ${known(r.inputs.providerType) ?? "provider"} handshake of CodeStar connection ${known(r.inputs.name) ?? r.name} (created PENDING): Developer Tools console > Settings > Connections > Update pending connection. The package pipeline's Source stage fails until then.`,
            account: r.account,
            urns: [r.urn],
            doc: `${RUNBOOK}#codestar-connection-handshake`,
        }));
}

function assignmentSteps(resources: PlanResource[]): PlanManualStep[] {
    const sets = resources.filter((r) => r.type === "aws:ssoadmin/permissionSet:PermissionSet");
    if (sets.length === 0) return [];
    const names = sets.map((r) => known(r.inputs.name) ?? r.name);
    return [
        {
            id: "identity-center-assignments",
            when: "after the first pulumi up",
            what: `Assign the Identity Center groups to permission set${names.length > 1 ? "s" : ""} ${names.join(", ")} in the accounts they serve (IAM Identity Center > AWS accounts > Assign users or groups). The program creates the permission sets, never the assignments.`,
            account: sets[0].account,
            urns: sets.map((r) => r.urn),
            doc: `${RUNBOOK}#identity-center-assignments`,
        },
    ];
}

function subscriptionSteps(resources: PlanResource[]): PlanManualStep[] {
    const email = resources.filter((r) => r.type === "aws:sns/topicSubscription:TopicSubscription" && r.inputs.protocol === "email");
    if (email.length === 0) return [];
    const addresses = [...new Set(email.map((r) => known(r.inputs.endpoint) ?? r.name))];
    return [
        {
            id: "sns-email-confirmation",
            when: "after each pulumi up that adds an address",
            what: `Each of ${addresses.join(", ")} must open the "AWS Notification - Subscription Confirmation" mail and confirm; until then SNS delivers nothing to it.`,
            urns: email.map((r) => r.urn),
            doc: `${RUNBOOK}#sns-e-mail-confirmations`,
        },
    ];
}

/**
 * The package gate runs its tools from a digest-pinned image in a repository the program creates
 * (S2, S3): the image is built from components/packages/toolchain/ with a hash-locked requirements
 * file, which only an operator with access to the package index can produce.
 */
function toolchainImageSteps(resources: PlanResource[]): PlanManualStep[] {
    return resources
        .filter((r) => r.type === "aws:ecr/repository:Repository" && (known(r.inputs.name) ?? "").endsWith("/package-gate-toolchain"))
        .map((r) => ({
            id: "package-gate-toolchain-image",
            when: "before the first full pulumi up, and for every tool update",
            what: `Create ECR repository ${known(r.inputs.name) ?? r.name} first (pulumi up --target its URN), then lock the tools with pip-compile --generate-hashes, build components/packages/toolchain/Dockerfile with base images pinned by digest (pip install --require-hashes), push it and set packages.toolchainImage to its @sha256 digest. The gate's builds run nothing else.`,
            account: r.account,
            urns: [r.urn],
            doc: `${RUNBOOK}#package-gate-toolchain-image`,
        }));
}

function quotaSteps(quotas: readonly PlanQuota[]): PlanManualStep[] {
    return quotas
        .filter((q) => q.limitFrom !== "default" && q.code !== undefined)
        .map((q) => ({
            id: "quota-request",
            when: "before the first pulumi up",
            what:
                q.limitFrom === "declared"
                    ? `Check that ${q.service} ${q.code} "${q.name}" is ${q.limit ?? q.used} or more in account ${q.account} (declared under quotas; the plan needs ${q.used}): aws service-quotas get-service-quota --service-code ${q.service} --quota-code ${q.code}.`
                    : `Read ${q.service} ${q.code} "${q.name}" in account ${q.account} (its default varies per account); the plan needs ${q.used}. Raise it if lower and declare the value under quotas.`,
            account: q.account,
            urns: [],
            doc: `${RUNBOOK}#quota-requests`,
        }));
}

/**
 * Interface endpoints of services for which AWS documents no custom endpoint policy
 * (endpointCatalog.ts `policyDocumentedAt`): the endpoint policy is the platform's control there,
 * so the operator confirms the service supports one before the endpoint is created.
 */
function endpointPolicySteps(resources: PlanResource[]): PlanManualStep[] {
    const unverified = resources.filter((r) => {
        if (r.type !== "aws:ec2/vpcEndpoint:VpcEndpoint" || r.inputs.vpcEndpointType !== "Interface") return false;
        const key = endpointKeyOfServiceName(known(r.inputs.serviceName) ?? "");
        return key !== undefined && interfaceEndpointSpec(key).policyDocumentedAt === undefined;
    });
    const services = [...new Set(unverified.map((r) => known(r.inputs.serviceName) ?? r.name))];
    if (services.length === 0) return [];
    return [
        {
            id: "endpoint-policy-support",
            when: "before the first pulumi up",
            what: `AWS documents no custom endpoint policy for ${services.join(", ")}. For each, run aws ec2 describe-vpc-endpoint-services --service-names <name> --query "ServiceDetails[0].VpcEndpointPolicySupported"; if it prints false, remove the endpoint from network.endpoints.extra (its policy would not be enforced).`,
            account: unverified[0].account,
            urns: unverified.map((r) => r.urn),
            doc: `${RUNBOOK}#endpoint-policy-support`,
        },
    ];
}

/**
 * A RAM share with member accounts reaches them without an invitation only once sharing with AWS
 * Organizations is enabled, a one-time switch of the management account (RAM user guide, "Enable
 * resource sharing within AWS Organizations"); no stack of the platform sets it.
 */
function ramSharingSteps(resources: PlanResource[]): PlanManualStep[] {
    const shares = resources.filter((r) => r.type === "aws:ram/resourceShare:ResourceShare");
    if (shares.length === 0) return [];
    return [
        {
            id: "ram-sharing-with-organizations",
            when: "before the first pulumi up",
            what: `Enable sharing with AWS Organizations in RAM once, from the management account (aws ram enable-sharing-with-aws-organization), so the spoke accounts get ${shares.map((r) => known(r.inputs.name) ?? r.name).join(", ")} without an invitation; check with aws ram get-resource-share-invitations in a spoke account after the first pulumi up (none expected).`,
            account: shares[0].account,
            urns: shares.map((r) => r.urn),
            doc: `${RUNBOOK}#ram-sharing-with-aws-organizations`,
        },
    ];
}

/** The broker function's settings (BROKER_SETTINGS), when the plan knows them (`up` mode). */
function brokerSettingsOf(r: PlanResource): { audience: string; recipientBase: string; teams: Record<string, unknown> } | undefined {
    const env = r.inputs.environment as { variables?: Record<string, unknown> } | undefined;
    const json = known(env?.variables?.BROKER_SETTINGS);
    if (!json) return undefined;
    try {
        return JSON.parse(json) as { audience: string; recipientBase: string; teams: Record<string, unknown> };
    } catch {
        return undefined;
    }
}

/**
 * The SAML broker's identity-provider side (components/access/SamlBroker.ts): one IdP-initiated
 * SAML application per served team, with the broker's audience and the team's ACS URL, which names
 * the private API's id and is therefore known only after the API exists.
 */
function samlBrokerSteps(resources: PlanResource[]): PlanManualStep[] {
    const fn = resources.find((r) => r.type === "aws:lambda/function:Function" && (known(r.inputs.name) ?? "").endsWith("-saml-broker"));
    if (!fn) return [];
    const s = brokerSettingsOf(fn);
    const apps = s
        ? Object.keys(s.teams)
              .map((team) => `${team}: ACS URL ${s.recipientBase}/${team}`)
              .join("; ")
        : "one per team of access.samlBroker.teams, with the ACS URL of stack output samlBroker.acsUrls (the API id is known after pulumi up; corporateAccessPlan.samlBroker shows the pattern)";
    return [
        {
            id: "saml-broker-idp-applications",
            when: "after the first pulumi up, and for every team added to access.samlBroker.teams",
            what: `On the identity provider, create one IdP-initiated SAML application per team, entity id (audience) ${s?.audience ?? "samlBroker.audience"}, NameID = the Studio user profile name, assertion signed with the certificate in access.samlBroker.idpCertificates, only the team's users assigned: ${apps}.`,
            account: fn.account,
            urns: [fn.urn],
            doc: `${RUNBOOK}#3-the-saml-presigned-url-broker`,
        },
    ];
}

/** Every manual step the planned stack needs, in the order an operator meets them. */
export function manualSteps(resources: PlanResource[], quotas: readonly PlanQuota[]): PlanManualStep[] {
    const custom = resources.filter((r) => r.custom);
    return [
        ...quotaSteps(quotas),
        ...ramSharingSteps(custom),
        ...endpointPolicySteps(custom),
        ...toolchainImageSteps(custom),
        ...connectionSteps(custom),
        ...assignmentSteps(custom),
        ...subscriptionSteps(custom),
        ...samlBrokerSteps(custom),
    ];
}
