import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AccountContext } from "../guardrails/arns";
import { NamingContext, namePrefix } from "../naming";
import { SECURITY_SERVICES_DEFAULTS } from "./defaults";

/** The GuardDuty protection plans every account gets (S3 data events, malware scans of EBS volumes). */
export const GUARDDUTY_FEATURES = ["S3_DATA_EVENTS", "EBS_MALWARE_PROTECTION"] as const;

export interface SecurityServicesArgs {
    /** Organization and environment: prefix of the Macie job name. Required. */
    naming: NamingContext;
    /** Partition, region and id of the account the services watch. Required. */
    account: AccountContext;
    /** GuardDuty detector with S3 and EBS malware protection. Default true. */
    guardDuty?: boolean;
    /** Security Hub with the AWS Foundational Security Best Practices standard. Default true. */
    securityHub?: boolean;
    /** Macie with a weekly sensitive-data job over `macieBuckets`. Default false. */
    macie?: boolean;
    /** Buckets Macie inspects (the teams' data buckets). Default none; required with macie, unless macieAdministratorOnly. */
    macieBuckets?: pulumi.Input<string>[];
    /**
     * Macie enabled as the organisation's delegated administrator only: no classification job
     * here (the member accounts with data run theirs). Default false.
     */
    macieAdministratorOnly?: boolean;
}

/**
 * The account's security services (G10), each switchable: GuardDuty (threat detection incl. S3
 * data events and malware scans of EBS volumes), Security Hub (FSBP findings, e.g. SageMaker.1-3)
 * and Macie (sensitive data in the team buckets). They use their service-linked roles, so no IAM
 * documents are involved.
 */
export class SecurityServices extends pulumi.ComponentResource {
    readonly detector?: aws.guardduty.Detector;
    readonly securityHub?: aws.securityhub.Account;
    readonly macie?: aws.macie2.Account;

    constructor(name: string, args: SecurityServicesArgs, opts?: pulumi.ComponentResourceOptions) {
        super("secure-ds:governance:SecurityServices", name, {}, opts);
        const D = SECURITY_SERVICES_DEFAULTS;
        const guardDuty = args.guardDuty ?? D.guardDuty;
        const securityHub = args.securityHub ?? D.securityHub;
        const macie = args.macie ?? D.macie;
        const macieBuckets = args.macieBuckets ?? D.macieBuckets;
        if (macie && macieBuckets.length === 0 && !args.macieAdministratorOnly) {
            throw new Error(`SecurityServices ${name}: macie is on but macieBuckets is empty; name the data buckets to inspect.`);
        }
        const child = { parent: this };
        if (guardDuty) {
            this.detector = new aws.guardduty.Detector(`${name}-guardduty`, { enable: true, findingPublishingFrequency: "FIFTEEN_MINUTES" }, child);
            for (const feature of GUARDDUTY_FEATURES) {
                new aws.guardduty.DetectorFeature(
                    `${name}-guardduty-${feature.toLowerCase().replace(/_/g, "-")}`,
                    { detectorId: this.detector.id, name: feature, status: "ENABLED" },
                    child,
                );
            }
        }
        if (securityHub) {
            // The default standards (CIS 1.2 among them) are not enabled; FSBP is subscribed explicitly.
            this.securityHub = new aws.securityhub.Account(
                `${name}-securityhub`,
                { enableDefaultStandards: false, controlFindingGenerator: "SECURITY_CONTROL", autoEnableControls: true },
                child,
            );
            new aws.securityhub.StandardsSubscription(
                `${name}-securityhub-fsbp`,
                {
                    standardsArn: `arn:${args.account.partition}:securityhub:${args.account.region}::standards/aws-foundational-security-best-practices/v/1.0.0`,
                },
                { parent: this, dependsOn: [this.securityHub] },
            );
        }
        if (macie) {
            this.macie = new aws.macie2.Account(`${name}-macie`, { status: "ENABLED", findingPublishingFrequency: "FIFTEEN_MINUTES" }, child);
        }
        if (macie && macieBuckets.length > 0) {
            new aws.macie2.ClassificationJob(
                `${name}-macie-team-data`,
                {
                    name: `${namePrefix(args.naming)}-team-data`,
                    jobType: "SCHEDULED",
                    scheduleFrequency: { weeklySchedule: "MONDAY" },
                    s3JobDefinition: { bucketDefinitions: [{ accountId: args.account.accountId, buckets: macieBuckets }] },
                },
                { parent: this, dependsOn: this.macie ? [this.macie] : [] },
            );
        }
        this.registerOutputs({ detectorId: this.detector?.id });
    }
}
