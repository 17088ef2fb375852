import { expect, it } from "vitest";
import { codeartifactApprovedNoUpstream } from "../../../policy-pack/policies/codeartifact/codeartifact-approved-no-upstream";
import { ResourceCase } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";

const repo = (props: Record<string, unknown>): ResourceCase => ({ type: "aws:codeartifact/repository:Repository", props: { domain: "d", ...props } });

describeRule(codeartifactApprovedNoUpstream, () => {
    it("passes an approved repository without connection or upstream, and an upstream repository with one", async () => {
        await expectCompliant(codeartifactApprovedNoUpstream, repo({ repository: "approved" }));
        await expectCompliant(
            codeartifactApprovedNoUpstream,
            repo({ repository: "public-pypi", externalConnections: { externalConnectionName: "public:pypi" } }),
        );
    });
    it("reports an external connection on approved (the reference implementation's public:npmjs leak)", async () => {
        const v = await expectViolations(
            codeartifactApprovedNoUpstream,
            repo({ repository: "approved-npm", externalConnections: { externalConnectionName: "public:npmjs" } }),
        );
        expect(v).toHaveLength(1);
        expect(v[0]).toContain("public:npmjs");
    });
    it("reports an upstream on approved", async () => {
        expect(
            await expectViolations(codeartifactApprovedNoUpstream, repo({ repository: "approved", upstreams: [{ repositoryName: "public-pypi" }] })),
        ).toHaveLength(1);
    });
    it("reports both at once, and honours a configured name pattern", async () => {
        expect(
            await expectViolations(
                codeartifactApprovedNoUpstream,
                repo({ repository: "approved", upstreams: [{ repositoryName: "x" }], externalConnections: [{ externalConnectionName: "public:pypi" }] }),
            ),
        ).toHaveLength(2);
        expect(
            await expectViolations(codeartifactApprovedNoUpstream, {
                ...repo({ repository: "curated", upstreams: [{ repositoryName: "x" }] }),
                config: { approvedRepositoryPattern: "^curated$" },
            }),
        ).toHaveLength(1);
    });
});
