/**
 * The resource tree of the printed plan: stack, account, layer, then the components below each
 * layer with their names and how many cloud resources each holds. The top-most component below a
 * layer is what a platform engineer recognises (a team's environment, a Studio domain); the
 * resources inside it are in the JSON. Several instances of one component type in a layer share
 * a line unless `verbose`.
 */
import { isEngineBuiltin } from "./summary";
import { count, cut, flow, SCREEN_WIDTH } from "./text";
import { Plan, PlanResource } from "./types";

interface ComponentNode {
    type: string;
    name: string;
    cloudResources: number;
}

interface LayerNode {
    name: string;
    components: ComponentNode[];
    /** Cloud resources directly in the layer (no component), providers included. */
    direct: number;
}

/** Resources whose top-most parent is the stack itself (the layer providers). */
const STACK_LEVEL = "(stack)";
const shortType = (type: string): string => type.split(":").pop() ?? type;
const isCloud = (r: PlanResource): boolean => r.custom && !isEngineBuiltin(r);

/** account → layer → components, from the plan's parent chain. */
function buildTree(plan: Plan): Map<string, Map<string, LayerNode>> {
    const byUrn = new Map(plan.resources.map((r) => [r.urn, r]));
    const isLayer = (r: PlanResource | undefined): boolean => r !== undefined && r.type.startsWith("secure-ds:stacks:");
    const tree = new Map<string, Map<string, LayerNode>>();
    const components = new Map<string, ComponentNode>();
    for (const r of plan.resources) {
        if (!isCloud(r)) continue;
        // Walk up to the child of a layer (or of the stack): the top-most component.
        let top: PlanResource = r;
        let parent = r.parent ? byUrn.get(r.parent) : undefined;
        while (parent && !isLayer(parent) && parent.type !== "pulumi:pulumi:Stack") {
            top = parent;
            parent = parent.parent ? byUrn.get(parent.parent) : undefined;
        }
        const layerName = isLayer(parent) ? (parent as PlanResource).name : STACK_LEVEL;
        const account = r.account ?? "(no provider account)";
        const layers = tree.get(account) ?? new Map<string, LayerNode>();
        tree.set(account, layers);
        const layer = layers.get(layerName) ?? { name: layerName, components: [], direct: 0 };
        layers.set(layerName, layer);
        if (top === r) {
            layer.direct++;
            continue;
        }
        let node = components.get(`${account} ${top.urn}`);
        if (!node) {
            node = { type: top.type, name: top.name, cloudResources: 0 };
            components.set(`${account} ${top.urn}`, node);
            layer.components.push(node);
        }
        node.cloudResources++;
    }
    return tree;
}

const sum = (nodes: ComponentNode[]): number => nodes.reduce((n, c) => n + c.cloudResources, 0);

/** One entry per component (per type when several share it), e.g. `TeamEnvironment ×2 (team-churn, team-fraud) 155`. */
function componentEntries(layer: LayerNode, verbose: boolean): string[] {
    const byType = new Map<string, ComponentNode[]>();
    for (const c of layer.components) byType.set(c.type, [...(byType.get(c.type) ?? []), c]);
    const entries: string[] = [];
    for (const [type, nodes] of [...byType].sort(([a], [b]) => shortType(a).localeCompare(shortType(b)))) {
        nodes.sort((a, b) => a.name.localeCompare(b.name));
        if (verbose || nodes.length === 1) {
            for (const n of nodes) entries.push(`${shortType(type)} ${n.name} ${count(n.cloudResources)}`);
        } else {
            entries.push(`${shortType(type)} ×${nodes.length} (${cut(nodes.map((n) => n.name).join(", "), 50)}) ${count(sum(nodes))}`);
        }
    }
    if (layer.direct > 0) entries.push(`not in a component ${count(layer.direct)}`);
    return entries;
}

/** The tree as lines: `stack <name>: N resources, M cloud`, then per account, layer and component. */
export function formatResourceTree(plan: Plan, verbose = false): string[] {
    const s = plan.summary;
    const lines = [`Resources: stack ${plan.stack}, ${count(s.resourceCount)} resources, ${count(s.customResourceCount)} of them cloud resources`];
    for (const [account, layers] of [...buildTree(plan)].sort(([a], [b]) => a.localeCompare(b))) {
        const total = [...layers.values()].reduce((n, l) => n + sum(l.components) + l.direct, 0);
        // The layer providers are children of the stack: counted on the account's line.
        const atStack = layers.get(STACK_LEVEL);
        lines.push(
            `  account ${account}: ${count(total)}${atStack && atStack.components.length === 0 ? ` (${count(atStack.direct)} at the stack: the provider)` : ""}`,
        );
        for (const layer of [...layers.values()].sort((a, b) => a.name.localeCompare(b.name))) {
            if (layer === atStack && layer.components.length === 0) continue;
            lines.push(`    ${layer.name}: ${count(sum(layer.components) + layer.direct)}`);
            const entries = componentEntries(layer, verbose);
            // One component per line when verbose; otherwise the components flow, a few per line.
            if (verbose) lines.push(...entries.map((e) => cut(`      ${e}`, SCREEN_WIDTH)));
            else lines.push(...flow("      ", entries, "      "));
        }
    }
    return lines;
}
