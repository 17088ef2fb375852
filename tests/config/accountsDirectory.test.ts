/**
 * One accounts directory for the prod organisation: every prod stack file lists the same accounts
 * (docs/configuration.md, "accounts"), so a contract's account check, an endpoint policy or a
 * RAM share names the same ids whichever stack reads them.
 */
import * as fs from "node:fs";
import { describe, expect, it } from "vitest";
import { REPO_ROOT, readPlatformSection, stackConfigPath } from "../../plan/stackConfig";

const prodStacks = fs
    .readdirSync(REPO_ROOT)
    .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
    .filter((s): s is string => s !== undefined)
    .filter((s) => (readPlatformSection(stackConfigPath(s)) as { environment?: string }).environment === "prod")
    .sort();

describe("the prod accounts directory", () => {
    it("covers every prod stack file, the network stack among them", () => {
        expect(prodStacks).toEqual(["log-archive", "management", "network", "prod", "prod-team-risk", "shared-services"]);
    });

    it.each(prodStacks)("Pulumi.%s.yaml lists the same directory as Pulumi.prod.yaml", (stack) => {
        const accounts = (s: string) => (readPlatformSection(stackConfigPath(s)) as { accounts: unknown }).accounts;
        expect(accounts(stack)).toEqual(accounts("prod"));
    });

    it("places the network account in the Infrastructure OU", () => {
        const management = readPlatformSection(stackConfigPath("management")) as { governance: { accountPlacement: { accountId: string; ou: string }[] } };
        expect(management.governance.accountPlacement).toContainEqual({ accountId: "666666666666", ou: "Infrastructure" });
    });
});
