import { SecureDsResourcePolicy, TYPES, list, propsOf, text } from "../common";

/**
 * S2: the approved repository holds only what the scan pipeline published. An external connection
 * (aws v7 models it as the repository's `externalConnections` input; there is no separate
 * resource) or an upstream repository would serve unscanned packages through it, the flaw of the
 * reference implementation (a `public:npmjs` upstream on its internal repository).
 */
export const codeartifactApprovedNoUpstream: SecureDsResourcePolicy = {
    name: "codeartifact-approved-no-upstream",
    description: "CodeArtifact repositories named as approved must have no external connection and no upstream repository (S1, S2).",
    controls: ["S1", "S2"],
    remediation: "Remove externalConnections and upstreams from the approved repository; packages reach it only through the scan pipeline's publish stage.",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            approvedRepositoryPattern: {
                type: "string",
                default: "^approved(-[a-z0-9]+)*$",
                description: "Regular expression matching the names of approved repositories.",
            },
        },
    },
    validateResource: (args, reportViolation) => {
        const p = propsOf(args, TYPES.codeartifactRepository);
        if (!p) return;
        const { approvedRepositoryPattern } = args.getConfig<{ approvedRepositoryPattern: string }>();
        const name = text(p.repository) ?? "";
        if (!new RegExp(approvedRepositoryPattern).test(name)) return;
        const connections = list(p.externalConnections)
            .map((c) => text(c?.externalConnectionName))
            .filter((c): c is string => c !== undefined);
        if (connections.length > 0) {
            reportViolation(
                `Approved repository ${name} (${args.name}) has the external connection ${connections.join(", ")}; unscanned public packages would reach data scientists (S2).`,
            );
        }
        const upstreams = list(p.upstreams)
            .map((u) => text(u?.repositoryName) ?? "?")
            .filter((u) => u.length > 0);
        if (upstreams.length > 0) {
            reportViolation(
                `Approved repository ${name} (${args.name}) has the upstream ${upstreams.join(", ")}; packages not published by the scan pipeline would be served through it (S2).`,
            );
        }
    },
};
