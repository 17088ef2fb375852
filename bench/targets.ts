/** The plan targets (speed and memory) and how a figure is printed against one. */

export interface Figure {
    name: string;
    /** The measured value, in `unit`. */
    value: number;
    unit: string;
    /** What the value is compared with: `value <= max` or `value >= min` passes. */
    target: { max: number } | { min: number };
    /** How it was measured (runs, what it is a ratio of). */
    detail: string;
}

export const TARGETS = {
    /** `npm run plan -- --stack dev` wall time ÷ the floor (`node -e "require('@pulumi/aws')"`). */
    devPlanOverFloor: { max: 2.0 },
    /** Generated 100 teams × 10 users as one stack, wall time ÷ the dev plan. */
    bigPlanOverDev: { max: 12 },
    /** Peak RSS of any one process of the 100 × 10 plan, MiB. */
    peakRssMb: { max: 1024 },
    /** Resources judged per second over the Analyzer protocol. */
    policyResourcesPerSecond: { min: 20_000 },
    /** `npm test` wall time, seconds. */
    testSeconds: { max: 90 },
} as const;

export function passes(f: Figure): boolean {
    return "max" in f.target ? f.value <= f.target.max : f.value >= f.target.min;
}

export function formatFigure(f: Figure): string {
    const target = "max" in f.target ? `≤ ${f.target.max}` : `≥ ${f.target.min}`;
    // NaN: not measured in this run (the detail says why); neither a pass nor a miss.
    if (Number.isNaN(f.value)) return `----  ${f.name.padEnd(34)} not measured (target ${target} ${f.unit})  ${f.detail}`;
    const value = f.value >= 100 ? Math.round(f.value).toLocaleString("en-US") : f.value.toFixed(2);
    return `${passes(f) ? "PASS" : "MISS"}  ${f.name.padEnd(34)} ${value} ${f.unit} (target ${target} ${f.unit})  ${f.detail}`;
}

export function median(values: number[]): number {
    const s = [...values].sort((a, b) => a - b);
    return s[Math.floor(s.length / 2)] as number;
}
