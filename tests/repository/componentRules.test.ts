/**
 * The ComponentResource conventions (tools/eslint/): the rule modules under ESLint's RuleTester,
 * then the repository config, which applies them to components/ only.
 */
import { RuleTester } from "eslint";
import tseslint from "typescript-eslint";
import { describe, expect, it } from "vitest";
import { componentRegistersOutputs } from "../../tools/eslint/componentRegistersOutputs";
import { componentTypeToken } from "../../tools/eslint/componentTypeToken";
import { lintPlanted } from "./eslint";

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({ languageOptions: { parser: tseslint.parser } });

const component = (token: string, body = "this.registerOutputs({});") =>
    `import * as pulumi from "@pulumi/pulumi";
export class Thing extends pulumi.ComponentResource {
    constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
        super(${token}, name, {}, opts);
        ${body}
    }
}`;

tester.run("component-type-token", componentTypeToken, {
    valid: [
        component('"secure-ds:network:IsolatedNetwork"'),
        component("`secure-ds:kms:CustomerKey`"),
        // Not a component: other classes' super calls are not type tokens.
        'class Problem extends Error { constructor(m: string) { super("anything at all"); } }',
    ],
    invalid: [
        { code: component('"secure-ds:Network:isolated"'), errors: [{ messageId: "badToken" }] },
        { code: component('"acme:network:IsolatedNetwork"'), errors: [{ messageId: "badToken" }] },
        { code: component('"secure-ds:network:Isolated-Network"'), errors: [{ messageId: "badToken" }] },
        { code: component("TOKEN"), errors: [{ messageId: "computed" }] },
        {
            code: 'import { ComponentResource } from "@pulumi/pulumi";\nexport class Bare extends ComponentResource {}',
            errors: [{ messageId: "noSuper" }],
        },
    ],
});

tester.run("component-registers-outputs", componentRegistersOutputs, {
    valid: [component('"secure-ds:kms:CustomerKey"'), component('"secure-ds:kms:CustomerKey"', "const done = () => this.registerOutputs();\n        done();")],
    invalid: [
        { code: component('"secure-ds:kms:CustomerKey"', ""), errors: [{ messageId: "missing" }] },
        // An inner class's call does not count for the component around it.
        {
            code: component('"secure-ds:kms:CustomerKey"', "class Inner { f(this: { registerOutputs(): void }) { this.registerOutputs(); } }"),
            errors: [{ messageId: "missing" }],
        },
    ],
});

describe("the repository config applies the component conventions", () => {
    const bad = `import * as pulumi from "@pulumi/pulumi";
export class Bad extends pulumi.ComponentResource {
    constructor(name: string) {
        super("secure-ds:Bad:bad", name, {});
    }
}
`;

    it("fails a component with a bad type token and no registerOutputs under components/", async () => {
        const found = (await lintPlanted("components/x/Planted.ts", bad)).map((f) => `${f.line}:${f.rule}`);
        expect(found).toEqual(["2:secure-ds/component-registers-outputs", "4:secure-ds/component-type-token"]);
    });

    it("passes a conforming component", async () => {
        const good = bad.replace('"secure-ds:Bad:bad", name, {});', '"secure-ds:kms:GoodKey", name, {});\n        this.registerOutputs({});');
        expect(await lintPlanted("components/kms/Planted.ts", good)).toEqual([]);
    });
});
