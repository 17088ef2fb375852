import { it } from "vitest";
import { sagemakerWorkloadNetworkIsolation } from "../../../policy-pack/policies/sagemaker/sagemaker-workload-network-isolation";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";

const MODEL = "aws:sagemaker/model:Model";
const TRAINING_JOB = "aws:sagemaker/trainingJob:TrainingJob";
const VPC_CONFIG = { subnets: ["s"], securityGroupIds: ["g"] };

describeRule(sagemakerWorkloadNetworkIsolation, () => {
    it.each([
        ["an isolated model in the VPC", { type: MODEL, props: { enableNetworkIsolation: true, vpcConfig: VPC_CONFIG } }],
        ["an isolated training job in the VPC", { type: TRAINING_JOB, props: { enableNetworkIsolation: true, vpcConfig: VPC_CONFIG } }],
        [
            "a model without isolation when the config checks only the VPC",
            { type: MODEL, props: { vpcConfig: VPC_CONFIG }, config: { requireNetworkIsolation: false } },
        ],
    ])("passes %s", async (_label, c) => {
        await expectCompliant(sagemakerWorkloadNetworkIsolation, c);
    });
    it.each([
        ["model without isolation", { type: MODEL, props: { vpcConfig: VPC_CONFIG } }],
        ["model without VPC", { type: MODEL, props: { enableNetworkIsolation: true } }],
        ["training job isolation false", { type: TRAINING_JOB, props: { enableNetworkIsolation: false, vpcConfig: VPC_CONFIG } }],
    ])("reports %s", async (_label, c) => {
        await expectViolations(sagemakerWorkloadNetworkIsolation, c);
    });
});
