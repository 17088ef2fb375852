import { NOT_KNOWN, SecureDsStackPolicy, TYPES, dependenciesOf, known, ofType, propsOf, text } from "../common";

/** AWS Config's service-linked role: path and name fixed by AWS. */
const CONFIG_SLR_ARN = /^arn:aws(-cn|-us-gov)?:iam::\d{12}:role\/aws-service-role\/config\.amazonaws\.com(\.cn)?\/AWSServiceRoleForConfig$/;

/**
 * G10 (Security Hub Config.1): AWS Config records with its service-linked role, whose permissions
 * AWS maintains, not with a customer role that can lose read rights to new resource types or gain
 * rights nobody reviews.
 */
export const configRecorderServiceLinkedRole: SecureDsStackPolicy = {
    name: "config-recorder-service-linked-role",
    description:
        "Every AWS Config recorder must record with AWS Config's service-linked role (roleArn arn:<partition>:iam::<account>:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig, or the ARN of an aws.iam.ServiceLinkedRole for config.amazonaws.com) (G10; Security Hub Config.1).",
    controls: ["G10"],
    remediation:
        "Use ConfigRecorder, which records with the service-linked role (created unless governance.awsConfig.serviceLinkedRoleExists says the account has it); deliver to a bucket and key that admit config.amazonaws.com with aws:SourceAccount.",
    enforcementLevel: "mandatory",
    configSchema: { properties: {} },
    validateStack: (args, reportViolation) => {
        for (const recorder of ofType(args.resources, TYPES.configRecorder)) {
            const fromServiceLinkedRole = dependenciesOf(recorder, "roleArn", [TYPES.iamServiceLinkedRole]).some(
                (slr) =>
                    known(() => propsOf(slr, TYPES.iamServiceLinkedRole)?.awsServiceName) === "config.amazonaws.com" ||
                    known(() => propsOf(slr, TYPES.iamServiceLinkedRole)?.awsServiceName) === "config.amazonaws.com.cn",
            );
            if (fromServiceLinkedRole) continue;
            const roleArn = known(() => text(propsOf(recorder, TYPES.configRecorder)?.roleArn));
            if (roleArn === NOT_KNOWN) {
                reportViolation(
                    `Config recorder ${recorder.name} records with a role that is not AWS Config's service-linked role (its ARN comes from another resource) (G10).`,
                    recorder.urn,
                );
            } else if (roleArn === undefined || !CONFIG_SLR_ARN.test(roleArn)) {
                reportViolation(
                    `Config recorder ${recorder.name} records with ${roleArn ?? "no role"}, not AWS Config's service-linked role AWSServiceRoleForConfig (G10).`,
                    recorder.urn,
                );
            }
        }
    },
};
