import type { PolicyResource } from "@pulumi/policy";
import { SecureDsStackPolicy, TYPES, isSet, ofType, propsOf, references, text } from "../common";

/**
 * G5: every VPC has flow logs. A flow log covers a VPC when its `vpcId` comes from that VPC or
 * from the VPC's parent (awsx.ec2.Vpc exposes `vpcId` on the component, whose child is the VPC).
 */
export const vpcFlowLogs: SecureDsStackPolicy = {
    name: "vpc-flow-logs",
    description: "Every VPC must have a flow log of the configured traffic type (ALL by default) with a destination (G5).",
    controls: ["G5"],
    remediation: "Add VpcFlowLogs (components/network/VpcFlowLogs.ts) for the VPC: trafficType ALL to a KMS-encrypted log group.",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            trafficType: { type: "string", enum: ["ALL", "ACCEPT", "REJECT"], default: "ALL", description: "Traffic type the flow log must record." },
        },
    },
    validateStack: (args, reportViolation) => {
        const { trafficType } = args.getConfig<{ trafficType: string }>();
        const flowLogs = ofType(args.resources, TYPES.ec2FlowLog);
        const flowLog = (fl: PolicyResource) => propsOf(fl, TYPES.ec2FlowLog);
        const covers = (fl: PolicyResource, vpc: PolicyResource) =>
            references(fl, "vpcId", vpc) || (vpc.parent !== undefined && references(fl, "vpcId", vpc.parent));
        for (const vpc of ofType(args.resources, TYPES.ec2Vpc, TYPES.awsxVpc, TYPES.ec2DefaultVpc)) {
            const logs = flowLogs.filter((fl) => covers(fl, vpc));
            if (logs.length === 0) {
                reportViolation(`VPC ${vpc.name} has no flow log; add one with trafficType ${trafficType} (G5).`, vpc.urn);
                continue;
            }
            const good = logs.filter(
                (fl) =>
                    (text(flowLog(fl)?.trafficType) ?? "") === trafficType &&
                    (isSet(() => flowLog(fl)?.logDestination) || fl.propertyDependencies?.logDestination?.length),
            );
            if (good.length === 0) {
                reportViolation(
                    `VPC ${vpc.name} has flow logs, but none records ${trafficType} traffic to a destination (${logs.map((l) => `${l.name}: ${text(flowLog(l)?.trafficType) ?? "no trafficType"}`).join(", ")}) (G5).`,
                    vpc.urn,
                );
            }
        }
    },
};
