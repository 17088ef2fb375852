import type { PolicyResource } from "@pulumi/policy";
import { NOT_KNOWN, SecureDsStackPolicy, TYPES, dependenciesOf, known, linked, list, ofType, propsOf, referencing, text } from "../common";

/** Projects that need the internet: the scan (vulnerability databases) and the ClamAV signature update (ClamAV's CDN). */
const DEFAULT_EGRESS_PROJECTS = ["-package-scan", "-package-signatures"];

/**
 * Why a subnet can reach beyond the VPC, or undefined when it cannot: its explicit route table
 * holds no route (a Route resource or an inline one), so only the local route and gateway
 * endpoints' prefix lists apply. A subnet without an explicit association uses the VPC's main
 * route table, which the pack cannot see: that counts as a route out.
 */
function routeOut(subnet: PolicyResource, resources: PolicyResource[]): string | undefined {
    const associations = referencing(ofType(resources, TYPES.ec2RouteTableAssociation), "subnetId", subnet);
    const tables = associations.flatMap((a) => linked(a, "routeTableId", ofType(resources, TYPES.ec2RouteTable)));
    if (tables.length === 0) return "has no route table of this stack (it would use the VPC's main route table)";
    for (const table of tables) {
        const inline = list(propsOf(table, TYPES.ec2RouteTable)?.routes).length;
        const routes = referencing(ofType(resources, TYPES.ec2Route), "routeTableId", table);
        if (inline > 0 || routes.length > 0)
            return `has routes in ${table.name} (${[...routes.map((r) => r.name), ...(inline > 0 ? [`${inline} inline`] : [])].join(", ")})`;
    }
    return undefined;
}

/**
 * S7, S3: every build of the package gate runs in a VPC of the stack, and only the builds that
 * must reach the internet (configured by name suffix: the scan and the signature update) may run
 * in subnets with a route out. The publish build, the only principal that publishes to
 * `approved`, and the decide build run in subnets whose route tables hold no route at all: they
 * reach AWS through VPC endpoints only, so a compromised tool in them has nowhere to send the
 * credentials or to fetch code from. Subnets are related through the project's property
 * dependencies (ids are unknown in a preview); subnets the pack cannot relate are refused.
 */
export const codebuildVpcNoInternet: SecureDsStackPolicy = {
    name: "codebuild-vpc-no-internet",
    description:
        "CodeBuild projects must run in a VPC (vpcConfig with subnets of the stack); only the configured egress projects (default names ending -package-scan, -package-signatures) may use subnets whose route tables have routes, every other build (publish, decide) only subnets with no route out (S7).",
    controls: ["S7", "S3"],
    remediation:
        "Give the project vpcConfig with the gate's no-internet subnets (ScanPipeline's GateEndpointSubnets), whose route tables have no routes; reach AWS through the gate's VPC endpoints.",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            egressProjects: {
                type: "array",
                items: { type: "string" },
                default: DEFAULT_EGRESS_PROJECTS,
                description: "Name suffixes of CodeBuild projects allowed subnets with a route out. Default: -package-scan, -package-signatures.",
            },
        },
    },
    validateStack: (args, reportViolation) => {
        const { egressProjects } = args.getConfig<{ egressProjects: string[] }>();
        const subnets = ofType(args.resources, TYPES.ec2Subnet);
        for (const project of ofType(args.resources, TYPES.codebuildProject)) {
            const p = propsOf(project, TYPES.codebuildProject);
            const given = known(() => text(p?.name));
            const name = (given !== NOT_KNOWN ? given : undefined) ?? project.name;
            if (!p?.vpcConfig) {
                reportViolation(`CodeBuild project ${name} has no vpcConfig: it runs on CodeBuild's own network with open internet access (S7).`, project.urn);
                continue;
            }
            const used = dependenciesOf(project, "vpcConfig", [TYPES.ec2Subnet]);
            const own = subnets.filter((s) => used.some((u) => u.urn === s.urn));
            if (own.length === 0) {
                reportViolation(
                    `CodeBuild project ${name}: its vpcConfig names no subnet of this stack, so the pack cannot see its routes; pass the subnets' ids (S7).`,
                    project.urn,
                );
                continue;
            }
            if (egressProjects.some((suffix) => name.endsWith(suffix))) continue;
            for (const subnet of own) {
                const why = routeOut(subnet, args.resources);
                if (why) {
                    reportViolation(
                        `CodeBuild project ${name} runs in subnet ${subnet.name}, which ${why}; only ${egressProjects.join(", ")} builds may leave the VPC, publish and decide reach AWS through endpoints only (S7).`,
                        project.urn,
                    );
                }
            }
        }
    },
};
