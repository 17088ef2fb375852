import { runPlatform } from "../tests/harness/platformRun";
import { readStackConfigFile, stackConfigPath } from "../tests/harness/stackConfig";
(async () => {
  const r = await runPlatform("dev", readStackConfigFile(stackConfigPath("dev")));
  console.log(r.resources.length);
  for (const x of r.resources) console.log(x.type, x.name, x.account, x.layer, x.parent?.split("::").pop(), JSON.stringify(x.options), JSON.stringify(x.propertyDependencies));
  console.log(JSON.stringify(r.resources.find(x=>x.type==="aws:kms/key:Key"), null, 1).slice(0,3000));
  const r2 = await runPlatform("prod", readStackConfigFile(stackConfigPath("prod")));
  console.log("prod", r2.resources.length, JSON.stringify(r2.outputs));
})().catch(e => { console.error("ERR", e); process.exit(1); });
