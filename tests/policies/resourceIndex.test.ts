/**
 * The indexed correlation helpers of policy-pack/policies/common/resources.ts give what a plain
 * scan of the list gives (the definitions they replaced, kept here as the oracle), in the same
 * order, on a generated stack with links by property dependency, by known value, unknown values
 * and duplicates; and a list is indexed once however often it is asked.
 */
import type { PolicyResource } from "@pulumi/policy";
import { describe, expect, it } from "vitest";
import { linked, ofType, referencing, typed } from "../../policy-pack/policies/common";
import { NOT_KNOWN, known } from "../../policy-pack/policies/common/preview";

class UnknownValueError extends Error {
    override name = "UnknownValueError";
}

/** A tiny deterministic generator, so a failure reproduces. */
function rng(seed: number): () => number {
    let s = seed;
    return () => {
        s = (s * 1103515245 + 12345) % 2147483648;
        return s / 2147483648;
    };
}

const TYPES = ["aws:ec2/vpc:Vpc", "aws:ec2/subnet:Subnet", "aws:s3/bucketV2:BucketV2", "aws:s3/bucketVersioningV2:BucketVersioningV2"];

function generated(count: number, seed: number): PolicyResource[] {
    const next = rng(seed);
    const pick = <T>(xs: T[]): T => xs[Math.floor(next() * xs.length)] as T;
    const resources: PolicyResource[] = [];
    for (let i = 0; i < count; i++) {
        const props: Record<string, unknown> = { id: `id-${i % 37}`, name: `n-${i}`, arn: `arn:aws:x:::${i}` };
        const roll = next();
        if (roll < 0.3 && i > 0) props.vpcId = `id-${Math.floor(next() * 37)}`;
        else if (roll < 0.4 && i > 0) props.vpcId = `n-${Math.floor(next() * i)}`;
        else if (roll < 0.5) {
            Object.defineProperty(props, "vpcId", {
                enumerable: true,
                get: () => {
                    throw new UnknownValueError("vpcId can't be known during preview");
                },
            });
        }
        if (next() < 0.2) props.bucket = `n-${Math.floor(next() * (i + 1))}`;
        const deps = i > 0 && next() < 0.5 ? [resources[Math.floor(next() * i)] as PolicyResource] : [];
        if (deps.length > 0 && next() < 0.3) deps.push(deps[0] as PolicyResource);
        resources.push({
            type: pick(TYPES),
            urn: `urn:pulumi:s::p::${pick(TYPES)}::r${i % 97 === 5 ? 5 : i}`,
            name: `r${i}`,
            props,
            propertyDependencies: { vpcId: deps, bucket: next() < 0.3 ? deps : [] },
            dependencies: deps,
        } as unknown as PolicyResource);
    }
    return resources;
}

// The plain scans the index replaced.
function identifiers(target: PolicyResource): string[] {
    return (["id", "arn", "bucket", "keyId", "name"] as const).map((k) => known(() => target.props[k])).filter((v): v is string => typeof v === "string");
}
function references(resource: PolicyResource, property: string, target: PolicyResource): boolean {
    const deps = resource.propertyDependencies?.[property] ?? [];
    if (deps.some((d) => d.urn === target.urn)) return true;
    const value = known(() => resource.props[property]);
    return value !== NOT_KNOWN && typeof value === "string" && identifiers(target).includes(value);
}
const names = (rs: PolicyResource[]) => rs.map((r) => r.name);

describe("indexed stack correlation helpers", () => {
    const resources = generated(600, 7);

    it("ofType returns the resources of the given types in stack order, one type or several", () => {
        for (const types of [[TYPES[0] as string], [TYPES[2] as string, TYPES[0] as string], ["aws:none:None"], TYPES]) {
            expect(names(ofType(resources, ...types))).toEqual(names(resources.filter((r) => types.includes(r.type))));
        }
    });

    it("referencing and linked agree with a scan of every pair, for every property and target", () => {
        const candidates = ofType(resources, TYPES[1] as string, TYPES[3] as string);
        const targets = ofType(resources, TYPES[0] as string, TYPES[2] as string);
        let matches = 0;
        for (const property of ["vpcId", "bucket"]) {
            for (const target of targets) {
                const expected = candidates.filter((c) => references(c, property, target));
                matches += expected.length;
                expect(names(referencing(candidates, property, target))).toEqual(names(expected));
            }
            for (const r of resources) expect(names(linked(r, property, targets))).toEqual(names(targets.filter((t) => references(r, property, t))));
        }
        // The generated stack must exercise links, or the comparison proves nothing.
        expect(matches).toBeGreaterThan(50);
    });

    it("reads each candidate's property once per list, not once per target", () => {
        let reads = 0;
        const counted = generated(200, 3).map((r) => {
            const props = r.props as Record<string, unknown>;
            return { ...r, props: new Proxy(props, { get: (t, k) => (k === "bucket" && reads++, Reflect.get(t, k)) }) } as PolicyResource;
        });
        for (const target of counted) referencing(counted, "bucket", target);
        // One read per candidate for the index, plus each target's own identifiers (bucket is one).
        expect(reads).toBeLessThanOrEqual(2 * counted.length);
    });

    it("typed gives ofType's resources, as one shared array per list and types (so linked indexes it once)", () => {
        const view = typed(resources, TYPES[1] as string, TYPES[0] as string);
        expect(view).toEqual(ofType(resources, TYPES[1] as string, TYPES[0] as string));
        expect(typed(resources, TYPES[1] as string, TYPES[0] as string)).toBe(view);
        expect(typed(resources, TYPES[1] as string)).toEqual(ofType(resources, TYPES[1] as string));
        expect(typed(generated(50, 1), TYPES[1] as string)).not.toBe(typed(resources, TYPES[1] as string));
    });
});
