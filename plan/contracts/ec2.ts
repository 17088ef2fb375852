/** EC2 and VPC: security groups and their rules (EC2 refuses apostrophes here). */
import { forbidden, length, pattern, range } from "./rule";
import { ContractRule } from "./types";

const CREATE_SG = "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateSecurityGroup.html";
const IP_RANGE = "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_IpRange.html";
const GROUP_PAIR = "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_UserIdGroupPair.html";
const IP_PERMISSION = "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_IpPermission.html";

/** Security-group names and descriptions and rule descriptions: "a-z, A-Z, 0-9, spaces, and ._-:/()#,@[]+=&;{}!$*". */
const EC2_TEXT = /^[a-zA-Z0-9 ._\-:/()#,@[\]+=&;{}!$*]*$/;
const EC2_TEXT_CHARS = "only a-z, A-Z, 0-9, spaces and ._-:/()#,@[]+=&;{}!$* (no apostrophes or quotes)";

const SG = "aws:ec2/securityGroup:SecurityGroup";
const DEFAULT_SG = "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup";
const INGRESS_RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const EGRESS_RULE = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";

function inlineRules(type: string): ContractRule[] {
    return ["ingress", "egress"].flatMap((direction) => [
        pattern({ type, path: `${direction}.[].description`, field: "IpRange/UserIdGroupPair Description", source: IP_RANGE }, EC2_TEXT, EC2_TEXT_CHARS),
        length({ type, path: `${direction}.[].description`, field: "IpRange/UserIdGroupPair Description", source: IP_RANGE }, 255),
        range({ type, path: `${direction}.[].fromPort`, field: "IpPermission FromPort", source: IP_PERMISSION }, -1, 65535),
        range({ type, path: `${direction}.[].toPort`, field: "IpPermission ToPort", source: IP_PERMISSION }, -1, 65535),
    ]);
}

function standaloneRule(type: string): ContractRule[] {
    return [
        pattern({ type, path: "description", field: "IpRange/UserIdGroupPair Description", source: GROUP_PAIR }, EC2_TEXT, EC2_TEXT_CHARS),
        length({ type, path: "description", field: "IpRange/UserIdGroupPair Description", source: GROUP_PAIR }, 255),
        range({ type, path: "fromPort", field: "IpPermission FromPort", source: IP_PERMISSION }, -1, 65535),
        range({ type, path: "toPort", field: "IpPermission ToPort", source: IP_PERMISSION }, -1, 65535),
    ];
}

export const EC2_RULES: readonly ContractRule[] = [
    pattern({ type: SG, path: "description", field: "CreateSecurityGroup GroupDescription", source: CREATE_SG }, EC2_TEXT, EC2_TEXT_CHARS),
    length({ type: SG, path: "description", field: "CreateSecurityGroup GroupDescription", source: CREATE_SG }, 255),
    pattern({ type: SG, path: "name", field: "CreateSecurityGroup GroupName", source: CREATE_SG }, EC2_TEXT, EC2_TEXT_CHARS),
    length({ type: SG, path: "name", field: "CreateSecurityGroup GroupName", source: CREATE_SG }, 255, 1),
    forbidden({ type: SG, path: "name", field: "CreateSecurityGroup GroupName", source: CREATE_SG }, /^sg-/, 'a name that does not start with "sg-"'),
    ...inlineRules(SG),
    ...inlineRules(DEFAULT_SG),
    ...standaloneRule(INGRESS_RULE),
    ...standaloneRule(EGRESS_RULE),
];
