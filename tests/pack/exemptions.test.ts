/**
 * Exemptions through the pack's own server (cmd/run-policy-pack over the Analyzer protocol), as
 * `pulumi preview --policy-pack-config` delivers them: an exempted violation of a mandatory policy
 * comes back as an advisory diagnostic that says so (never dropped), an expired exemption
 * enforces again at the policy's level, and a critical policy declares no exemptions property,
 * so a pack config exempting it is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PackJudge } from "../../plan/analyzer/service";
import { mergePackConfig } from "../../plan/findings/packConfigMerge";
import { PackConfigError, parsePackConfig } from "../../plan/packConfig";
import { judgeSaved, openSavedJudge } from "../../plan/protocolRun";
import { PlanExemption, PlanFinding } from "../../plan/types";
import { planResource } from "../harness/planResource";

const STACK = "dev";
const group = () => planResource(STACK, "aws:cloudwatch/logGroup:LogGroup", "scratch-logs", { retentionInDays: 1 });
const exemption = (expires: string): PlanExemption => ({
    id: "scratch-retention",
    policy: "log-group-retention-minimum",
    resource: "scratch-*",
    justification: "Throw-away load-test logs.",
    expires,
    approver: "lead@example.com",
    source: "exemptions/dev.yaml",
});

function configWith(exemptions: PlanExemption[]) {
    return parsePackConfig(JSON.stringify(mergePackConfig({ all: "mandatory" }, exemptions)), "test");
}

const retention = (findings: PlanFinding[]) => findings.filter((f) => f.policy === "log-group-retention-minimum");

describe("exemptions through the pack's server", () => {
    let live: PackJudge;
    beforeAll(async () => {
        live = await openSavedJudge({
            stack: STACK,
            mode: "up",
            stackFileConfig: {},
            packConfig: configWith([exemption("2099-12-31")]),
            packConfigFile: "test",
            controls: () => [],
        });
    });
    afterAll(async () => {
        await live?.close();
    });

    it("a live exemption turns the mandatory violation into an advisory one that names the exemption", async () => {
        const { findings } = await live.judge([group()], "up");
        const [f] = retention(findings);
        expect(f).toMatchObject({ level: "advisory", urn: group().urn });
        expect(f!.message).toMatch(
            /\[exempted by exemptions\/dev\.yaml#scratch-retention until 2099-12-31, approved by lead@example\.com: Throw-away load-test logs\.\]/,
        );
        // Only that policy on that resource: the log group's other violations stay mandatory.
        expect(findings.filter((x) => x.policy !== "log-group-retention-minimum").every((x) => x.level === "mandatory")).toBe(true);
    });

    it("an exemption past its expiry enforces again, saying it expired", async () => {
        const { findings } = await judgeSaved(STACK, "up", {}, [group()], configWith([exemption("2020-01-31")]), "test", () => []);
        const [f] = retention(findings);
        expect(f!.level).toBe("mandatory");
        expect(f!.message).toMatch(/\[exemption expired: exemptions\/dev\.yaml#scratch-retention ended 2020-01-31; enforced again\]/);
    });

    it("a critical policy has no exemptions property: the pack config is refused", () => {
        const critical = { ...exemption("2099-12-31"), policy: "sagemaker-domain-vpc-only" };
        const info = live.session.policies.find((p) => p.name === "sagemaker-domain-vpc-only")!;
        expect(Object.keys(info.configSchema?.properties ?? {})).not.toContain("exemptions");
        expect(Object.keys(live.session.policies.find((p) => p.name === "log-group-retention-minimum")!.configSchema?.properties ?? {})).toContain(
            "exemptions",
        );
        return expect(judgeSaved(STACK, "up", {}, [group()], configWith([critical]), "test", () => [])).rejects.toThrow(PackConfigError);
    });
});
