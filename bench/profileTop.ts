/**
 * Summarises a V8 profile as SECURE_DS_CPU_PROF / SECURE_DS_HEAP_PROF (plan/engine/profiling.ts)
 * or `node --cpu-prof` / `--heap-prof` write them: self time (.cpuprofile) or bytes still
 * allocated at exit (.heapprofile) by package or source directory and by function, highest first.
 *   tsx bench/profileTop.ts <file.cpuprofile|file.heapprofile> [rows]
 */
import * as fs from "node:fs";

interface ProfileNode {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    hitCount?: number;
    children?: number[];
}
interface CpuProfile {
    nodes: ProfileNode[];
    startTime: number;
    endTime: number;
    samples: number[];
    timeDeltas: number[];
}

/** `node_modules/@scope/pkg` or `node_modules/pkg`, else the first two directories of the repo path. */
export function area(url: string): string {
    if (url === "") return "(native/V8)";
    const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
    if (nm) return nm[1];
    if (url.startsWith("node:")) return "node:internal";
    const local = /\/(stacks|components|policy-pack|plan|tools|bench)\/(.*)$/.exec(url);
    return local ? `${local[1]}/${local[2].split("/")[0]}` : url;
}

export function summarise(profile: CpuProfile, rows: number): string[] {
    const selfMs = new Map<number, number>();
    profile.samples.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
    const byFn = new Map<string, number>();
    const byArea = new Map<string, number>();
    for (const n of profile.nodes) {
        const ms = selfMs.get(n.id) ?? 0;
        const { functionName, url, lineNumber } = n.callFrame;
        const key = `${functionName || "(anonymous)"} ${url.replace(/^.*node_modules\//, "")}:${lineNumber + 1}`;
        byFn.set(key, (byFn.get(key) ?? 0) + ms);
        byArea.set(area(url), (byArea.get(area(url)) ?? 0) + ms);
    }
    const total = (profile.endTime - profile.startTime) / 1000;
    const top = (m: Map<string, number>) =>
        [...m]
            .sort((a, b) => b[1] - a[1])
            .slice(0, rows)
            .map(([k, ms]) => `  ${ms.toFixed(0).padStart(7)} ms ${((ms / total) * 100).toFixed(1).padStart(5)}%  ${k}`);
    return [`total ${total.toFixed(0)} ms`, "self time by area:", ...top(byArea), "self time by function:", ...top(byFn)];
}

interface HeapNode {
    callFrame: ProfileNode["callFrame"];
    selfSize: number;
    children: HeapNode[];
}

export function summariseHeap(head: HeapNode, rows: number): string[] {
    const byFn = new Map<string, number>();
    const byArea = new Map<string, number>();
    let total = 0;
    const walk = (n: HeapNode) => {
        const { functionName, url, lineNumber } = n.callFrame;
        const key = `${functionName || "(anonymous)"} ${url.replace(/^.*node_modules\//, "")}:${lineNumber + 1}`;
        byFn.set(key, (byFn.get(key) ?? 0) + n.selfSize);
        byArea.set(area(url), (byArea.get(area(url)) ?? 0) + n.selfSize);
        total += n.selfSize;
        n.children.forEach(walk);
    };
    walk(head);
    const mb = (b: number) => (b / 1048576).toFixed(1);
    const top = (m: Map<string, number>) =>
        [...m]
            .sort((a, b) => b[1] - a[1])
            .slice(0, rows)
            .map(([k, b]) => `  ${mb(b).padStart(8)} MiB ${((b / total) * 100).toFixed(1).padStart(5)}%  ${k}`);
    return [`live at exit (sampled) ${mb(total)} MiB`, "by area:", ...top(byArea), "allocated by function:", ...top(byFn)];
}

if (require.main === module) {
    const [file, rows] = process.argv.slice(2);
    if (!file) throw new Error("usage: tsx bench/profileTop.ts <file.cpuprofile> [rows]");
    const profile = JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile | { head: HeapNode };
    const lines = "head" in profile ? summariseHeap(profile.head, Number(rows ?? 25)) : summarise(profile, Number(rows ?? 25));
    console.log(lines.join("\n"));
}
