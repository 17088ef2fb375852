/**
 * Plan-vs-plan: adding a Studio user to the dev stack adds only that user's resources and changes
 * no existing Studio resource. Elsewhere a new user may only update documents in place (a role's
 * trust naming the new user); no existing resource changes a property that forces replacement.
 */
import { describe, expect, it } from "vitest";
import { PlanResource } from "../../plan/types";
import { runPlatform } from "../../plan/platformRun";
import { readStackConfigFile, stackConfigPath } from "../../plan/stackConfig";
import { loadStackPlan } from "../harness/stackPlans";

/** Properties AWS (and the provider) update in place. */
const IN_PLACE = new Set(["policy", "assumeRolePolicy", "value", "tags", "tagsAll", "description", "inlinePolicies", "users"]);

const STUDIO_TYPES = /^(aws:sagemaker\/|aws:backup\/|secure-ds:studio:)/;

function withUser(config: Record<string, unknown>, team: number, user: Record<string, string>): Record<string, unknown> {
    const copy = structuredClone(config) as Record<string, { teams: { users: unknown[] }[] }>;
    copy["secure-ds:platform"].teams[team].users.push(user);
    return copy;
}

const byUrn = (resources: PlanResource[]) => new Map(resources.map((r) => [r.urn, r]));

describe("adding a Studio user (dev)", async () => {
    const base = readStackConfigFile(stackConfigPath("dev"));
    const before = byUrn(loadStackPlan("dev").resources);
    const after = byUrn((await runPlatform("dev", withUser(base, 1, { name: "frank", role: "scientist" }))).resources);
    const added = [...after.keys()].filter((urn) => !before.has(urn));
    const removed = [...before.keys()].filter((urn) => !after.has(urn));
    const changed = [...before.keys()]
        .filter((urn) => after.has(urn))
        .map((urn) => {
            const a = before.get(urn)!;
            const b = after.get(urn)!;
            const keys = [...new Set([...Object.keys(a.inputs), ...Object.keys(b.inputs)])].filter(
                (k) => JSON.stringify(a.inputs[k]) !== JSON.stringify(b.inputs[k]),
            );
            return { urn, type: a.type, keys };
        })
        .filter((c) => c.keys.length > 0);

    it("adds the user's profile and security group, all named after the user", () => {
        const addedTypes = added.map((urn) => after.get(urn)!.type);
        expect(addedTypes).toContain("aws:sagemaker/userProfile:UserProfile");
        expect(addedTypes).toContain("aws:ec2/securityGroup:SecurityGroup");
        expect(addedTypes).toContain("secure-ds:studio:StudioUserProfile");
        for (const urn of added) expect(urn).toMatch(/frank/);
        const profile = after.get(added.find((u) => after.get(u)!.type === "aws:sagemaker/userProfile:UserProfile")!)!;
        expect(profile.inputs.userProfileName).toBe("frank");
        expect(profile.inputs.tags).toMatchObject({ studiouserid: "frank", team: "churn" });
    });

    it("removes nothing", () => {
        expect(removed).toEqual([]);
    });

    it("leaves every existing Studio resource (domains, profiles, lifecycle configs, backup) unchanged", () => {
        expect(changed.filter((c) => STUDIO_TYPES.test(c.type))).toEqual([]);
    });

    it("changes other resources only in properties updated in place", () => {
        for (const c of changed) {
            expect({ urn: c.urn, keys: c.keys.filter((k) => !IN_PLACE.has(k)) }).toEqual({ urn: c.urn, keys: [] });
        }
    });
});
