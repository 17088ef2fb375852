/**
 * The broker's Lambda bundle: esbuild bundles handler.ts with @node-saml/node-saml, xml-crypto and
 * @xmldom inside (the nodejs22.x runtime provides only the AWS SDK v3), and the bundle loads: its
 * `handler` export is a function. Loaded with a require that resolves only @aws-sdk/*, as the
 * runtime would.
 */
import { builtinModules, createRequire } from "node:module";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { bundleHandler } from "../../components/governance/bundle";

describe("the SAML broker bundle", () => {
    it("bundles node-saml and loads with only the AWS SDK outside, exporting handler as a function", () => {
        const bundle = bundleHandler(path.join(__dirname, "..", "..", "components", "access", "broker", "handler.ts"));
        expect(bundle.code.length).toBeGreaterThan(10_000);
        const repoRequire = createRequire(__filename);
        const required: string[] = [];
        const runtimeRequire = (id: string): unknown => {
            required.push(id);
            if (id.startsWith("@aws-sdk/") || id.startsWith("node:") || builtinModules.includes(id.replace(/\/$/, ""))) return repoRequire(id);
            throw new Error(`the bundle requires ${id}, which the Lambda runtime does not provide`);
        };
        const module = { exports: {} as Record<string, unknown> };
        new Function("module", "exports", "require", "__filename", "__dirname", bundle.code)(
            module,
            module.exports,
            runtimeRequire,
            "/var/task/index.js",
            "/var/task",
        );
        expect(typeof module.exports.handler).toBe("function");
        // node-saml and its XML libraries are inside the bundle: nothing but the SDK and Node's own modules was required.
        expect(required.filter((id) => !id.startsWith("@aws-sdk/") && !id.startsWith("node:") && !builtinModules.includes(id.replace(/\/$/, "")))).toEqual([]);
    });
});
