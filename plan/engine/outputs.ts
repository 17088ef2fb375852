/**
 * What the engine hands back to the program for a registration, per mode. `preview` is a first
 * `pulumi preview`: a new resource has no id and every output the provider would compute is
 * UNKNOWN; only the inputs are known. `up` fabricates the provider's answers (plan/mockState.ts)
 * so that references can be followed by value, as after a real `pulumi up`.
 */
import { createHash } from "node:crypto";
import { mockOutputs } from "../mockState";
import { Json, UNKNOWN, decodeObject } from "./wire";

export type PlanMode = "preview" | "up";

export interface ProviderInfo {
    /** The first of the provider's allowedAccountIds, if it is locked to accounts. */
    accountId?: string;
    region: string;
    partition: string;
    /** The provider's logical name: the account layer for the platform's explicit providers; none for a default provider. */
    layer?: string;
}

export interface EngineAnswer {
    id: string;
    object: Record<string, Json>;
}

export function partitionOf(region: string): string {
    return region.startsWith("cn-") ? "aws-cn" : region.includes("-gov-") ? "aws-us-gov" : "aws";
}

/** Provider config values arrive JSON-encoded (the SDK's convention for provider inputs). */
function providerValue(value: Json | undefined): Json | undefined {
    if (typeof value !== "string") return value;
    try {
        return JSON.parse(value) as Json;
    } catch {
        return value;
    }
}

export function providerInfo(name: string, inputs: Record<string, Json>): ProviderInfo {
    const allowed = providerValue(inputs.allowedAccountIds);
    const region = String(providerValue(inputs.region) ?? "us-east-1");
    return {
        accountId: Array.isArray(allowed) && allowed.length > 0 ? String(allowed[0]) : undefined,
        region,
        partition: partitionOf(region),
        layer: name.startsWith("default") ? undefined : name,
    };
}

/** Stable UUID-shaped provider id for `up` (the engine draws a random one; a plan must be reproducible). */
function providerId(urn: string): string {
    const h = createHash("sha256").update(urn).digest("hex");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A provider resource: its state is its config. In preview its id is UNKNOWN (providers.Registry.Create). */
export function providerAnswer(mode: PlanMode, urn: string, wireInputs: Record<string, Json>): EngineAnswer {
    return { id: mode === "preview" ? UNKNOWN : providerId(urn), object: wireInputs };
}

/**
 * A custom resource or a remote component: the inputs come back as sent, plus the provider's
 * computed properties, UNKNOWN in preview. The set of computed properties is the one
 * plan/mockState.ts fabricates for the type (every type gets at least `id`).
 */
export function resourceAnswer(
    mode: PlanMode,
    type: string,
    name: string,
    wireInputs: Record<string, Json>,
    provider: ProviderInfo | undefined,
    custom: boolean,
): EngineAnswer {
    const inputs = decodeObject(wireInputs);
    const region = provider?.region ?? "us-east-1";
    const fabricated = mockOutputs({
        type,
        name,
        inputs,
        accountId: provider?.accountId ?? "000000000000",
        region,
        partition: provider?.partition ?? partitionOf(region),
    });
    const object: Record<string, Json> = { ...wireInputs };
    for (const [key, value] of Object.entries(fabricated.state)) {
        if (key in wireInputs) continue;
        object[key] = mode === "preview" ? UNKNOWN : (JSON.parse(JSON.stringify(value ?? null)) as Json);
    }
    // A component has no id; a new custom resource has none until it is created.
    return { id: !custom || mode === "preview" ? "" : fabricated.id, object };
}
