/** `npm run bench`: every benchmark, figures only. */
import { benchPlan } from "./plan";

console.log(benchPlan().join("\n"));
