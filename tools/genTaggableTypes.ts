/**
 * Generates policy-pack/policies/tagging/taggableTypes.json: every @pulumi/aws resource type
 * whose Args accept `tags`. Derived from the installed provider SDK, so a provider upgrade that
 * adds taggable resources is picked up by rerunning this (`--check` exits 1 when the file is
 * stale).
 *
 *   npx tsx tools/genTaggableTypes.ts [--check]
 */
import * as fs from "node:fs";
import * as path from "node:path";

const AWS_ROOT = path.resolve(__dirname, "..", "node_modules", "@pulumi", "aws");
export const TAGGABLE_FILE = path.resolve(__dirname, "..", "policy-pack", "policies", "tagging", "taggableTypes.json");

function walk(dir: string, out: string[]): void {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory() && entry.name !== "types" && entry.name !== "node_modules") walk(full, out);
        else if (entry.isFile() && entry.name.endsWith(".js")) out.push(full);
    }
}

export function taggableTypes(): string[] {
    const files: string[] = [];
    walk(AWS_ROOT, files);
    const types: string[] = [];
    for (const js of files) {
        const match = /static __pulumiType = '([^']+)'/.exec(fs.readFileSync(js, "utf8"));
        if (!match) continue;
        const dts = js.replace(/\.js$/, ".d.ts");
        if (!fs.existsSync(dts)) continue;
        const source = fs.readFileSync(dts, "utf8");
        const argsBlock = /export interface \w+Args \{([\s\S]*?)\n\}/.exec(source);
        if (argsBlock && /\n\s{4}tags\?:/.test(argsBlock[1])) types.push(match[1]);
    }
    return types.sort();
}

if (require.main === module) {
    const types = taggableTypes();
    const json = `${JSON.stringify(types, null, 1)}\n`;
    if (process.argv.includes("--check")) {
        const current = fs.existsSync(TAGGABLE_FILE) ? fs.readFileSync(TAGGABLE_FILE, "utf8") : "";
        if (current !== json) {
            console.error(`${TAGGABLE_FILE} is stale; run npx tsx tools/genTaggableTypes.ts`);
            process.exit(1);
        }
        console.log(`${types.length} taggable types, file current`);
    } else {
        fs.writeFileSync(TAGGABLE_FILE, json);
        console.log(`wrote ${types.length} taggable types to ${TAGGABLE_FILE}`);
    }
}
