import { expect, it } from "vitest";
import { vpcFlowLogs } from "../../../policy-pack/policies/ec2/vpc-flow-logs";
import { StackCaseResource } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { previewed } from "../fixtures";
import { EC2, isolatedVpc } from "./fixtures";

const FLOW_LOG = "aws:ec2/flowLog:FlowLog";
const AWSX_VPC = "awsx:ec2:Vpc";
const flowLog = (name: string, vpc: string, trafficType = "ALL"): StackCaseResource => ({
    type: FLOW_LOG,
    name,
    props: { trafficType, logDestination: "arn:aws:logs:eu-west-1:111111111111:log-group:/x" },
    propertyDependencies: { vpcId: [vpc] },
});

describeRule(vpcFlowLogs, () => {
    it("passes VPCs with an ALL flow log, including an awsx VPC and its child VPC", async () => {
        await expectCompliant(vpcFlowLogs, [
            ...isolatedVpc([flowLog("fl", "vpc")]),
            { type: AWSX_VPC, name: "scan", props: {} },
            { type: EC2.vpc, name: "scan-child", props: {}, parent: "scan" },
            flowLog("scan-fl", "scan"),
        ]);
    });
    it("reports a VPC without flow logs, and an awsx VPC without them", async () => {
        expect(await expectViolations(vpcFlowLogs, [...isolatedVpc(), { type: AWSX_VPC, name: "scan", props: {} }])).toEqual([
            "VPC vpc has no flow log; add one with trafficType ALL (G5).",
            "VPC scan has no flow log; add one with trafficType ALL (G5).",
        ]);
    });
    it("reports a flow log of the wrong traffic type or without a destination, honouring the configured type", async () => {
        expect(await expectViolations(vpcFlowLogs, isolatedVpc([flowLog("fl", "vpc", "REJECT")]))).toHaveLength(1);
        expect(
            await expectViolations(
                vpcFlowLogs,
                isolatedVpc([{ type: FLOW_LOG, name: "fl", props: { trafficType: "ALL" }, propertyDependencies: { vpcId: ["vpc"] } }]),
            ),
        ).toHaveLength(1);
        await expectCompliant(vpcFlowLogs, isolatedVpc([flowLog("fl", "vpc", "REJECT")]), { trafficType: "REJECT" });
    });
    it("does not count a flow log of another VPC", async () => {
        expect(await expectViolations(vpcFlowLogs, [...isolatedVpc(), { type: EC2.vpc, name: "other", props: {} }, flowLog("fl", "other")])).toHaveLength(1);
    });
    it("judges the same stacks in a preview: ids unknown, relations only through propertyDependencies", async () => {
        await expectCompliant(
            vpcFlowLogs,
            previewed([
                ...isolatedVpc([flowLog("fl", "vpc")]),
                { type: AWSX_VPC, name: "scan", props: {} },
                { type: EC2.vpc, name: "scan-child", props: {}, parent: "scan" },
                flowLog("scan-fl", "scan"),
            ]),
        );
        await expectViolations(vpcFlowLogs, previewed([...isolatedVpc(), { type: EC2.vpc, name: "other", props: {} }, flowLog("fl", "other")]));
    });
});
