/**
 * workload base → team stacks (layer `teams`): everything a team needs from the workload
 * account's base stack. The network part rebuilds the base's NetworkContext
 * (stacks/referencedNetwork.ts); the rest are the account-wide buckets, keys, Studio images and
 * backup plan the teams attach to, the guardrail lists the base enforces, and the team budget.
 */
import { z } from "zod";
import { Contract } from "./contract";
import { accountIdValue, bucketNameValue, kmsKeyArnValue } from "./values";

const idValue = (prefix: string) => z.string().regex(new RegExp(`^${prefix}-[0-9a-f]{8,17}$`), { message: `is not an EC2 id such as ${prefix}-0abc1234` });
const arnValue = z.string().regex(/^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:\d{0,12}:.+$/, { message: "is not an ARN" });

export const workloadBaseContract: Contract<WorkloadBaseContract> = {
    output: "workloadBase",
    producer: "workloadBase",
    schema: z.strictObject({
        accountId: accountIdValue,
        network: z.strictObject({
            /** The IsolatedNetwork's component name: the prefix of the security groups a team stack adds. */
            name: z.string().min(1),
            vpcId: idValue("vpc"),
            vpcCidr: z.string().regex(/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/, { message: "is not an IPv4 CIDR block" }),
            subnetIds: z.array(idValue("subnet")).min(2),
            routeTableIds: z.array(idValue("rtb")),
            s3EndpointId: idValue("vpce"),
            s3PrefixListId: idValue("pl"),
            interfaceEndpointIds: z.record(z.string(), idValue("vpce")),
            endpointSecurityGroupId: idValue("sg"),
            domainSecurityGroupId: idValue("sg"),
        }),
        logsKeyArn: kmsKeyArnValue,
        /** The workload account's S3 server-access-log bucket (E7). */
        accessLogBucket: bucketNameValue,
        /** The shared data lake; absent when the base builds none. */
        dataLake: z.strictObject({ bucketName: bucketNameValue, bucketArn: arnValue, keyArn: kmsKeyArnValue }).optional(),
        /** The approved pip repository endpoint the base read from shared services; absent when packages are off. */
        codeArtifactRepositoryEndpoint: z.string().min(1).optional(),
        studio: z.strictObject({
            customImages: z.array(
                z.strictObject({
                    imageName: z.string().min(1),
                    appImageConfigName: z.string().min(1),
                    imageArn: arnValue,
                    imageVersionNumber: z.number().int(),
                }),
            ),
            /** The base's backup plan of the home EFS (G9): a team stack adds its domains' selections. */
            backup: z.strictObject({ vaultName: z.string().min(1), planId: z.string().min(1), roleArn: arnValue }),
        }),
        guardrails: z.strictObject({
            /** Every instance type the base's SCP ceiling and detective check allow (G2). */
            allowedInstanceTypes: z.array(z.string()),
            requireNetworkIsolation: z.boolean(),
            /** Teams whose jobs the detective check holds to network isolation (G10). */
            networkIsolationTeams: z.array(z.string()),
        }),
        /** `stack.teamStacks` of the base (teams and users the team stacks may add); absent: none. */
        budget: z.strictObject({ teams: z.number().int(), users: z.number().int() }).optional(),
        /** The teams the base builds itself, with their users: a team stack may not repeat them. */
        baseTeams: z.array(z.strictObject({ name: z.string(), users: z.array(z.string()) })),
    }),
};

export interface WorkloadBaseNetwork {
    name: string;
    vpcId: string;
    vpcCidr: string;
    subnetIds: string[];
    routeTableIds: string[];
    s3EndpointId: string;
    s3PrefixListId: string;
    interfaceEndpointIds: Record<string, string>;
    endpointSecurityGroupId: string;
    domainSecurityGroupId: string;
}

export interface WorkloadBaseContract {
    accountId: string;
    network: WorkloadBaseNetwork;
    logsKeyArn: string;
    accessLogBucket: string;
    dataLake?: { bucketName: string; bucketArn: string; keyArn: string };
    codeArtifactRepositoryEndpoint?: string;
    studio: {
        customImages: { imageName: string; appImageConfigName: string; imageArn: string; imageVersionNumber: number }[];
        backup: { vaultName: string; planId: string; roleArn: string };
    };
    guardrails: { allowedInstanceTypes: string[]; requireNetworkIsolation: boolean; networkIsolationTeams: string[] };
    budget?: { teams: number; users: number };
    baseTeams: { name: string; users: string[] }[];
}
