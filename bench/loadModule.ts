/** Prints how long requiring one module takes in this fresh process (ms). */
import { performance } from "node:perf_hooks";

const target = process.argv[2];
if (!target) throw new Error("usage: tsx bench/loadModule.ts <module>");
const start = performance.now();
// eslint-disable-next-line @typescript-eslint/no-require-imports
require(target);
console.log(JSON.stringify({ target, ms: performance.now() - start, heapMb: Math.round(process.memoryUsage().heapUsed / 1048576) }));
