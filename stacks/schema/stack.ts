/**
 * What one stack builds (`stack.layers`) and which stacks it reads (`stack.upstream`). A stack
 * deploys into exactly one account; the layers of the other accounts are other stacks, whose
 * outputs arrive through stack references (stacks/contracts/).
 */
import { z } from "zod";
import { AccountRole, AccountsConfig } from "./accounts";
import { teamStacksBudgetSchema } from "./teamStacks";

/**
 * The platform's layers in deployment order. `networkHub` builds the network account's transit
 * gateway, its route tables and its RAM share (the hub the workload VPCs attach to); it reads no
 * other stack, so it deploys right after the organisation. `teams` builds team-scoped resources
 * only (each team's TeamEnvironment, Studio domain and user profiles) on a workload base stack's
 * network: a team stack, so that onboarding a user changes one small stack (docs/configuration.md, "Team stacks").
 */
export const LAYERS = ["organization", "networkHub", "logArchive", "sharedServices", "workload", "teams"] as const;
export type Layer = (typeof LAYERS)[number];

/** The `stack.upstream` keys: the contracts another stack exports to this one. */
export const UPSTREAM_KEYS = ["logArchive", "sharedServices", "workloadBase", "networkHub"] as const;
export type UpstreamKey = (typeof UPSTREAM_KEYS)[number];

/** The layer whose stack exports each upstream contract. */
export const UPSTREAM_PRODUCER: Record<UpstreamKey, Layer> = {
    logArchive: "logArchive",
    sharedServices: "sharedServices",
    workloadBase: "workload",
    networkHub: "networkHub",
};

/**
 * A stack name as `pulumi.StackReference` takes it: `<stack>` (same project and organisation),
 * or `<organization>/<project>/<stack>`. Pulumi stack names are letters, digits, `-`, `_` and `.`
 * (Pulumi docs, "stack names").
 */
const stackName = z.string().regex(/^(?:[A-Za-z0-9_.-]+\/){0,2}[A-Za-z0-9_.-]+$/, {
    message: "is not a stack name (<stack> or <organization>/<project>/<stack>, letters, digits, '-', '_' and '.')",
});

export const stackSchema = z.strictObject({
    /**
     * The layers this stack builds, all in one account. Default: every layer whose account is
     * configured, which is right only for a single-account sandbox such as dev.
     */
    layers: z.array(z.enum(LAYERS)).min(1, { message: "is empty; name the layers this stack builds" }).optional(),
    /** Stack names of the stacks whose outputs this one reads, by the layer they build. */
    upstream: z
        .strictObject({
            logArchive: stackName.optional(),
            sharedServices: stackName.optional(),
            /** The workload base stack a team stack (layer `teams`) builds on. */
            workloadBase: stackName.optional(),
            /**
             * The network stack (layer networkHub) whose transit gateway the workload's data VPC
             * attaches to (contract transitGatewayHub), instead of `network.transitGateway.id`.
             */
            networkHub: stackName.optional(),
        })
        .default({}),
    /**
     * Only in a workload base stack whose teams live (also) in team stacks: what the team stacks
     * may add in total. The base sizes the network and the guardrails from it instead of the
     * team list, so onboarding a team or a user never changes the base.
     */
    teamStacks: teamStacksBudgetSchema.optional(),
});
export type StackConfig = z.infer<typeof stackSchema>;

/** The account each layer deploys into; the log archive defaults to the shared-services account. */
export function layerAccountRole(accounts: AccountsConfig, layer: Layer): AccountRole {
    switch (layer) {
        case "organization":
            return "management";
        case "networkHub":
            return "network";
        case "logArchive":
            return accounts.logArchive ? "logArchive" : "sharedServices";
        case "sharedServices":
            return "sharedServices";
        case "workload":
        case "teams":
            // Team stacks deploy into the workload account, beside their base.
            return "workload";
    }
}

/**
 * The layers a stack builds: `stack.layers`, else every layer whose account is configured but
 * `teams` (the workload layer builds the teams of a single stack itself).
 */
export function stackLayers(cfg: { accounts: AccountsConfig; stack: StackConfig }): Layer[] {
    if (cfg.stack.layers) return LAYERS.filter((l) => cfg.stack.layers?.includes(l));
    return LAYERS.filter((l) => l !== "teams" && cfg.accounts[layerAccountRole(cfg.accounts, l)] !== undefined);
}

/** What a consumer layer reads from another layer, and why (for the error naming a missing upstream). */
export const LAYER_INPUTS: Record<Layer, { from: UpstreamKey; why: string }[]> = {
    organization: [],
    // The hub reads nothing: the spokes' attachments are accepted by its owner (docs/operations.md, "Corporate access").
    networkHub: [],
    logArchive: [],
    sharedServices: [{ from: "logArchive", why: "its trail delivers to the audit archive" }],
    workload: [
        { from: "logArchive", why: "its trail and AWS Config deliver to the audit archive" },
        { from: "sharedServices", why: "its teams install packages from the approved index" },
    ],
    // The base read the archive and the package index already; it passes on what teams need.
    teams: [{ from: "workloadBase", why: "its teams build on the base's network, keys, buckets and Studio images" }],
};

type Issue = (path: (string | number)[], message: string) => void;

/** One account per stack; every input of a built layer is built here or named in `stack.upstream`. */
export function refineStack(cfg: { accounts: AccountsConfig; stack: StackConfig; packages: { enabled: boolean } }, issue: Issue): void {
    const layers = stackLayers(cfg);
    const accountOf = (l: Layer) => cfg.accounts[layerAccountRole(cfg.accounts, l)]?.accountId;
    for (const l of layers) {
        if (accountOf(l) === undefined) {
            issue(["stack", "layers"], `layer ${l} is listed but accounts.${layerAccountRole(cfg.accounts, l)} is not set; add that account or drop the layer`);
        }
    }
    const accounts = [...new Set(layers.map(accountOf).filter((a): a is string => a !== undefined))];
    if (accounts.length > 1) {
        const detail = layers.map((l) => `${l} in ${accountOf(l) ?? "?"}`).join(", ");
        issue(
            cfg.stack.layers ? ["stack", "layers"] : ["stack"],
            `this stack would deploy into ${accounts.length} accounts (${detail}); a stack deploys into one account: set stack.layers to the layers of one account and plan the others as their own stacks (docs/configuration.md, "Stacks")`,
        );
    }
    for (const l of layers) {
        for (const input of LAYER_INPUTS[l]) {
            if (input.from === "sharedServices" && !cfg.packages.enabled) continue;
            if (layers.includes(UPSTREAM_PRODUCER[input.from]) || cfg.stack.upstream[input.from] !== undefined) continue;
            issue(
                ["stack", "upstream", input.from],
                `missing; layer ${l} reads the ${input.from} stack's outputs (${input.why}): name that stack, or build layer ${UPSTREAM_PRODUCER[input.from]} here`,
            );
        }
    }
    for (const key of UPSTREAM_KEYS) {
        const name = cfg.stack.upstream[key];
        if (name !== undefined && layers.includes(UPSTREAM_PRODUCER[key])) {
            issue(["stack", "upstream", key], `"${name}" is named but this stack builds layer ${UPSTREAM_PRODUCER[key]} itself; drop the reference`);
        }
    }
    if (layers.includes("teams") && layers.length > 1) {
        issue(
            ["stack", "layers"],
            `lists teams with ${layers.filter((l) => l !== "teams").join(", ")}; a team stack builds layer teams alone (a workload stack builds its own teams under teams:)`,
        );
    }
    if (cfg.stack.upstream.networkHub !== undefined && !layers.includes("workload")) {
        issue(
            ["stack", "upstream", "networkHub"],
            `"${cfg.stack.upstream.networkHub}" is named but this stack does not build layer workload; only the workload stack attaches its data VPC to the hub: drop the reference`,
        );
    }
    if (cfg.stack.teamStacks !== undefined && !layers.includes("workload")) {
        issue(["stack", "teamStacks"], "is set but this stack does not build layer workload; the team-stack budget belongs in the workload base stack");
    }
}
