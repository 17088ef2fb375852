/**
 * The detective Lambda (G10) against realistic CloudTrail events (fixtures/), with the SageMaker
 * and SNS clients mocked by aws-sdk-client-mock. No timers: the retry sleep is injected.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import {
    AddTagsCommand,
    DeleteAppCommand,
    DeleteModelCommand,
    DescribeAppCommand,
    DescribeDomainCommand,
    DescribeModelCommand,
    DescribeNotebookInstanceCommand,
    DescribeTrainingJobCommand,
    ListTagsCommand,
    SageMakerClient,
    StopNotebookInstanceCommand,
    StopTrainingJobCommand,
} from "@aws-sdk/client-sagemaker";
import { PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import { mockClient } from "aws-sdk-client-mock";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { bundleHandler } from "../../components/governance/bundle";
import { checkRequest } from "../../components/governance/detective/checks";
import { HandlerConfig, MARKER_TAG, RetryLaterError, configFromEnv, createHandler } from "../../components/governance/detective/handler";
import { isThrottling, withThrottleRetry } from "../../components/governance/detective/retry";

const fixture = (name: string): Record<string, unknown> => JSON.parse(fs.readFileSync(path.join(__dirname, "fixtures", name), "utf8"));

const sm = mockClient(SageMakerClient);
const sns = mockClient(SNSClient);
// The unit tests share worker threads and modules: hand the real clients back to the next file.
afterAll(() => {
    sm.restore();
    sns.restore();
});

const TOPIC = "arn:aws:sns:eu-west-1:111111111111:acme-dev-sagemaker-alerts";
const POLICY = { requireNetworkIsolation: false, networkIsolationTeams: [], allowedInstanceTypes: ["ml.t3.*", "ml.m5.large", "ml.m5.xlarge"] };

function make(mode: "alert" | "remediate", sleeps: number[] = []) {
    const config: HandlerConfig = { topicArn: TOPIC, mode, policy: POLICY };
    const logs: Record<string, unknown>[] = [];
    const handler = createHandler({
        sagemaker: new SageMakerClient({ region: "eu-west-1" }),
        sns: new SNSClient({ region: "eu-west-1" }),
        config,
        retry: { attempts: 5, baseDelayMs: 100, maxDelayMs: 1000, sleep: async (ms) => void sleeps.push(ms), random: () => 0.5 },
        log: (e) => void logs.push(e),
    });
    return { handler, logs };
}

const throttle = () => Object.assign(new Error("Rate exceeded"), { name: "ThrottlingException", $metadata: {} });
const notFound = (msg: string) => Object.assign(new Error(msg), { name: "ValidationException", $metadata: {} });

function published(): { subject: string; message: Record<string, unknown> }[] {
    return sns.commandCalls(PublishCommand).map((c) => ({ subject: String(c.args[0].input.Subject), message: JSON.parse(String(c.args[0].input.Message)) }));
}

beforeEach(() => {
    sm.reset();
    sns.reset();
    sm.on(ListTagsCommand).resolves({ Tags: [] });
    sm.on(AddTagsCommand).resolves({});
    sns.on(PublishCommand).resolves({ MessageId: "m-1" });
});

describe("compliant requests", () => {
    it("does nothing for a compliant training job", async () => {
        const { handler } = make("remediate");
        sm.on(DescribeTrainingJobCommand).resolves({ TrainingJobStatus: "InProgress" } as never);
        const out = await handler(fixture("training-job-compliant.json"));
        expect(out.status).toBe("compliant");
        expect(sm.commandCalls(StopTrainingJobCommand)).toHaveLength(0);
        expect(sns.commandCalls(PublishCommand)).toHaveLength(0);
        expect(sm.commandCalls(AddTagsCommand)).toHaveLength(0);
    });
});

describe("non-compliant requests, alert mode (dev)", () => {
    it("alerts on a training job outside the VPC, without keys and inter-container encryption, on a GPU off the list; does not stop it", async () => {
        const { handler } = make("alert");
        const out = await handler(fixture("training-job-noncompliant.json"));
        expect(out.status).toBe("alerted");
        expect(out.violations?.map((v) => v.control).sort()).toEqual(["E2", "E3", "E4", "G2", "N3", "N3"]);
        expect(sm.commandCalls(StopTrainingJobCommand)).toHaveLength(0);
        const [alert] = published();
        expect(alert.subject).toContain("training job fraud-xgb-2025-03-04-09-15-26");
        expect(alert.subject).toContain("N3,E2,E3,E4,G2");
        expect(alert.message.principal).toEqual({ arn: "arn:aws:sts::111111111111:assumed-role/acme-dev-fraud-studio/bob", sourceIdentity: "bob" });
        expect(String(alert.message.summary)).toMatch(/^bob created a non-compliant training job/);
        expect(alert.message.action).toBe("alert only");
        const tag = sm.commandCalls(AddTagsCommand)[0].args[0].input;
        expect(tag.ResourceArn).toBe("arn:aws:sagemaker:eu-west-1:111111111111:training-job/fraud-xgb-2025-03-04-09-15-26");
        expect(tag.Tags).toContainEqual({ Key: MARKER_TAG, Value: "N3 E2 E3 E4 G2" });
    });

    it("names the missing volume key of a processing job (E2) and nothing else", async () => {
        const { handler } = make("alert");
        const out = await handler(fixture("processing-job-no-volume-key.json"));
        expect(out.violations).toEqual([{ control: "E2", message: "The processing job has no volume KMS key" }]);
    });

    it("flags a notebook with direct internet, root access, no VPC and no key (N5, I9, N3, E2)", async () => {
        const { handler } = make("alert");
        const out = await handler(fixture("notebook-direct-internet-root.json"));
        expect(new Set(out.violations?.map((v) => v.control))).toEqual(new Set(["N5", "I9", "N3", "E2"]));
    });

    it("flags a public-internet domain with sharing but no sharing key (N1, E1, E5)", async () => {
        const { handler } = make("alert");
        const out = await handler(fixture("domain-public-internet.json"));
        expect(out.violations?.map((v) => v.control)).toEqual(["N1", "E1", "E5"]);
        expect(published()[0].message.action).toBe("alert only");
    });

    it("checks UpdateDomain against the described domain, not the partial request", async () => {
        const { handler } = make("alert");
        sm.on(DescribeDomainCommand).resolves({ AppNetworkAccessType: "PublicInternetOnly", SubnetIds: ["subnet-1"], KmsKeyId: "k" } as never);
        const out = await handler(fixture("update-domain.json"));
        expect(out.violations?.map((v) => v.control)).toEqual(["N1"]);
        expect(sm.commandCalls(DescribeDomainCommand)[0].args[0].input).toEqual({ DomainId: "d-abcdefghijkl" });
    });

    it("describes the resource when CloudTrail did not record the request", async () => {
        const { handler } = make("alert");
        sm.on(DescribeTrainingJobCommand).resolves({
            TrainingJobStatus: "InProgress",
            ResourceConfig: { InstanceType: "ml.m5.xlarge", InstanceCount: 1, VolumeSizeInGB: 30 },
            OutputDataConfig: { S3OutputPath: "s3://x/", KmsKeyId: "k" },
            VpcConfig: { Subnets: ["subnet-1"], SecurityGroupIds: ["sg-1"] },
            EnableInterContainerTrafficEncryption: true,
        } as never);
        const out = await handler(fixture("training-job-request-not-recorded.json"));
        expect(out.violations).toEqual([{ control: "E2", message: "The training job has no volume KMS key" }]);
    });
});

describe("remediation (prod)", () => {
    it("stops a running non-compliant training job, alerts, then tags it", async () => {
        const { handler } = make("remediate");
        sm.on(DescribeTrainingJobCommand).resolves({ TrainingJobStatus: "InProgress" } as never);
        sm.on(StopTrainingJobCommand).resolves({});
        const out = await handler(fixture("training-job-noncompliant.json"));
        expect(out).toMatchObject({ status: "remediated", action: "stopped" });
        expect(sm.commandCalls(StopTrainingJobCommand)[0].args[0].input).toEqual({ TrainingJobName: "fraud-xgb-2025-03-04-09-15-26" });
        expect(published()[0].message.action).toBe("stopped");
        expect(sm.commandCalls(AddTagsCommand)[0].args[0].input.Tags).toContainEqual({ Key: "secure-ds:detective-action", Value: "stopped" });
    });

    it("does not stop a job that is already stopped, but still alerts once", async () => {
        const { handler } = make("remediate");
        sm.on(DescribeTrainingJobCommand).resolves({ TrainingJobStatus: "Stopped" } as never);
        const out = await handler(fixture("training-job-noncompliant.json"));
        expect(out.status).toBe("alerted");
        expect(out.action).toBe("left alone (status Stopped)");
        expect(sm.commandCalls(StopTrainingJobCommand)).toHaveLength(0);
        expect(sns.commandCalls(PublishCommand)).toHaveLength(1);
    });

    it("deletes a model outside the VPC and does not try to tag the deleted model", async () => {
        const { handler } = make("remediate");
        sm.on(DescribeModelCommand).resolves({ ModelName: "fraud-xgb-model" } as never);
        sm.on(DeleteModelCommand).resolves({});
        const out = await handler(fixture("model-outside-vpc.json"));
        expect(out).toMatchObject({ status: "remediated", action: "deleted" });
        expect(out.violations?.map((v) => v.control)).toEqual(["N3", "N3"]);
        expect(sm.commandCalls(AddTagsCommand)).toHaveLength(0);
    });

    it("stops an InService notebook; a Pending one is retried later (Lambda retry, then DLQ)", async () => {
        const { handler } = make("remediate");
        sm.on(DescribeNotebookInstanceCommand)
            .resolvesOnce({ NotebookInstanceStatus: "InService" } as never)
            .resolves({ NotebookInstanceStatus: "Pending" } as never);
        sm.on(StopNotebookInstanceCommand).resolves({});
        expect((await handler(fixture("notebook-direct-internet-root.json"))).action).toBe("stopped");
        expect(sns.commandCalls(PublishCommand)).toHaveLength(1);
        await expect(handler(fixture("notebook-direct-internet-root.json"))).rejects.toBeInstanceOf(RetryLaterError);
        // The deferred stop is alerted at once (the retries may all find it Pending), and not tagged,
        // so that the retry still stops it.
        expect(sns.commandCalls(PublishCommand)).toHaveLength(2);
        expect(published()[1].message.action).toMatch(/^remediation deferred \(notebook instance .* is still Pending/);
        expect(sm.commandCalls(StopNotebookInstanceCommand)).toHaveLength(1);
        expect(sm.commandCalls(AddTagsCommand)).toHaveLength(1);
    });

    it("deletes a Studio app on an instance type off the allow-list (G2)", async () => {
        const { handler } = make("remediate");
        sm.on(DescribeAppCommand).resolves({ Status: "Pending" } as never);
        sm.on(DeleteAppCommand).resolves({});
        const out = await handler(fixture("create-app-gpu.json"));
        expect(out.violations?.map((v) => v.control)).toEqual(["G2"]);
        expect(sm.commandCalls(DeleteAppCommand)[0].args[0].input).toEqual({
            DomainId: "d-abcdefghijkl",
            SpaceName: "bob-space",
            AppType: "JupyterLab",
            AppName: "default",
        });
    });

    it("never deletes a domain: alerts that a person must act (G9 home directories)", async () => {
        const { handler } = make("remediate");
        sm.on(DescribeDomainCommand).resolves({ AppNetworkAccessType: "PublicInternetOnly", SubnetIds: ["subnet-1"] } as never);
        const out = await handler(fixture("domain-public-internet.json"));
        expect(out.status).toBe("alerted");
        expect(out.action).toMatch(/^manual action required/);
    });
});

describe("idempotency", () => {
    it("a repeated event for a resource already tagged does nothing", async () => {
        const { handler } = make("remediate");
        sm.on(DescribeTrainingJobCommand).resolves({ TrainingJobStatus: "Stopping" } as never);
        sm.on(ListTagsCommand).resolves({ Tags: [{ Key: MARKER_TAG, Value: "N3 E2" }] });
        const out = await handler(fixture("training-job-noncompliant.json"));
        expect(out.status).toBe("already-handled");
        expect(sm.commandCalls(StopTrainingJobCommand)).toHaveLength(0);
        expect(sns.commandCalls(PublishCommand)).toHaveLength(0);
        expect(sm.commandCalls(AddTagsCommand)).toHaveLength(0);
    });

    it("a repeated event for a model already deleted does nothing", async () => {
        const { handler } = make("remediate");
        sm.on(DescribeModelCommand).rejects(notFound('Could not find model "arn:aws:sagemaker:eu-west-1:111111111111:model/fraud-xgb-model".'));
        const out = await handler(fixture("model-outside-vpc.json"));
        expect(out.status).toBe("gone");
        expect(sm.commandCalls(DeleteModelCommand)).toHaveLength(0);
        expect(sns.commandCalls(PublishCommand)).toHaveLength(0);
    });

    it("the same event twice: remediated once, then skipped", async () => {
        const { handler } = make("remediate");
        sm.on(DescribeTrainingJobCommand)
            .resolvesOnce({ TrainingJobStatus: "InProgress" } as never)
            .resolves({ TrainingJobStatus: "Stopping" } as never);
        sm.on(StopTrainingJobCommand).resolves({});
        sm.on(ListTagsCommand)
            .resolvesOnce({ Tags: [] })
            .resolves({ Tags: [{ Key: MARKER_TAG, Value: "N3" }] });
        const event = fixture("training-job-noncompliant.json");
        expect((await handler(event)).status).toBe("remediated");
        expect((await handler(event)).status).toBe("already-handled");
        expect(sm.commandCalls(StopTrainingJobCommand)).toHaveLength(1);
        expect(sns.commandCalls(PublishCommand)).toHaveLength(1);
    });
});

describe("throttling", () => {
    it("retries throttled calls with growing backoff and then succeeds", async () => {
        const sleeps: number[] = [];
        const { handler } = make("remediate", sleeps);
        sm.on(DescribeTrainingJobCommand)
            .rejectsOnce(throttle())
            .rejectsOnce(throttle())
            .resolves({ TrainingJobStatus: "InProgress" } as never);
        sm.on(StopTrainingJobCommand).rejectsOnce(throttle()).resolves({});
        sns.on(PublishCommand).rejectsOnce(throttle()).resolves({ MessageId: "m" });
        const out = await handler(fixture("training-job-noncompliant.json"));
        expect(out.status).toBe("remediated");
        expect(sm.commandCalls(DescribeTrainingJobCommand)).toHaveLength(3);
        expect(sm.commandCalls(StopTrainingJobCommand)).toHaveLength(2);
        expect(sns.commandCalls(PublishCommand)).toHaveLength(2);
        // random() = 0.5: half of 100·2^n, plus one.
        expect(sleeps).toEqual([51, 101, 51, 51]);
    });

    it("gives up after the configured attempts and throws (Lambda retries, then the DLQ)", async () => {
        const { handler } = make("alert");
        sns.on(PublishCommand).rejects(throttle());
        await expect(handler(fixture("training-job-noncompliant.json"))).rejects.toMatchObject({ name: "ThrottlingException" });
        expect(sns.commandCalls(PublishCommand)).toHaveLength(5);
    });

    it("does not retry other errors", async () => {
        let calls = 0;
        const denied = Object.assign(new Error("denied"), { name: "AccessDeniedException" });
        await expect(
            withThrottleRetry(
                async () => {
                    calls++;
                    throw denied;
                },
                { attempts: 5, baseDelayMs: 1, maxDelayMs: 1, sleep: async () => {}, random: () => 0 },
            ),
        ).rejects.toBe(denied);
        expect(calls).toBe(1);
        expect(isThrottling({ name: "x", $retryable: { throttling: true } })).toBe(true);
        expect(isThrottling("ThrottlingException")).toBe(false);
    });
});

describe("malformed and irrelevant events are logged and ignored, never thrown", () => {
    for (const [file, reason] of [
        ["malformed.json", /no detail object/],
        ["unknown-event.json", /not one the detective controls inspect/],
        ["failed-call.json", /failed with AccessDenied/],
    ] as const) {
        it(file, async () => {
            const { handler, logs } = make("remediate");
            const out = await handler(fixture(file));
            expect(out.status).toBe("ignored");
            expect(out.reason).toMatch(reason);
            expect(logs[0]).toMatchObject({ level: "warn", msg: "ignored event" });
            expect(sm.calls()).toHaveLength(0);
        });
    }
    it("null, strings, and events of other sources", async () => {
        const { handler } = make("alert");
        for (const e of [
            null,
            "x",
            42,
            [],
            { "detail-type": "Scheduled Event", source: "aws.events", detail: {} },
            { "detail-type": "AWS API Call via CloudTrail", source: "aws.s3", detail: {} },
        ]) {
            expect((await handler(e)).status).toBe("ignored");
        }
    });
    it("an event that does not name its resource", async () => {
        const { handler } = make("alert");
        const e = fixture("model-outside-vpc.json");
        (e.detail as Record<string, unknown>).requestParameters = { primaryContainer: {} };
        (e.detail as Record<string, unknown>).responseElements = null;
        expect((await handler(e)).reason).toMatch(/does not name the resource/);
    });
});

describe("checks", () => {
    it("require network isolation for configured teams only (N4, by the team tag)", () => {
        const training = (fixture("training-job-compliant.json").detail as Record<string, Record<string, unknown>>).requestParameters;
        const noIsolation = { ...training, enableNetworkIsolation: false };
        expect(checkRequest("CreateTrainingJob", noIsolation, { ...POLICY, networkIsolationTeams: ["fraud"] }).map((v) => v.control)).toEqual(["N4"]);
        expect(checkRequest("CreateTrainingJob", noIsolation, { ...POLICY, networkIsolationTeams: ["churn"] })).toEqual([]);
        expect(checkRequest("CreateTrainingJob", noIsolation, { ...POLICY, requireNetworkIsolation: true }).map((v) => v.control)).toEqual(["N4"]);
    });
    it("endpoint configuration without a key (E2)", () => {
        const rp = (fixture("endpoint-config-no-kms.json").detail as Record<string, Record<string, unknown>>).requestParameters;
        expect(checkRequest("CreateEndpointConfig", rp, POLICY)).toEqual([{ control: "E2", message: "The endpoint configuration has no volume KMS key" }]);
    });
    it("configFromEnv reads the deployment's variables and refuses a missing topic", () => {
        expect(
            configFromEnv({
                ALERT_TOPIC_ARN: TOPIC,
                DETECTIVE_MODE: "remediate",
                ALLOWED_INSTANCE_TYPES: "ml.t3.medium, ml.m5.*",
                NETWORK_ISOLATION_TEAMS: "fraud",
            }),
        ).toEqual({
            topicArn: TOPIC,
            mode: "remediate",
            policy: { requireNetworkIsolation: false, networkIsolationTeams: ["fraud"], allowedInstanceTypes: ["ml.t3.medium", "ml.m5.*"] },
        });
        expect(configFromEnv({ ALERT_TOPIC_ARN: TOPIC, DETECTIVE_MODE: "bogus" }).mode).toBe("alert");
        expect(() => configFromEnv({})).toThrow(/ALERT_TOPIC_ARN/);
    });
});

describe("bundle", () => {
    it("builds the handler with esbuild into one CommonJS file exporting handler, without the AWS SDK", () => {
        const bundle = bundleHandler(path.join(__dirname, "../../components/governance/detective/handler.ts"));
        expect(bundle.code.length).toBeGreaterThan(1000);
        expect(bundle.code).toMatch(/require\("@aws-sdk\/client-sagemaker"\)/);
        expect(bundle.code).not.toMatch(/from "\.\/checks"|require\("\.\/checks"\)/);
        const mod = { exports: {} as Record<string, unknown> };
        const fakeRequire = (id: string) =>
            id.startsWith("@aws-sdk/")
                ? // eslint-disable-next-line @typescript-eslint/no-require-imports -- hands the bundle the real SDK module it asks for by name
                  require(id)
                : (() => {
                      throw new Error(`unexpected require ${id}`);
                  })();
        new Function("module", "exports", "require", bundle.code)(mod, mod.exports, fakeRequire);
        expect(typeof mod.exports.handler).toBe("function");
        expect(bundle.sha256).toMatch(/^[0-9a-f]{64}$/);
    });
});
