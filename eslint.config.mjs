// The repository's rules, enforced by `npm run lint` (eslint .) and proven by tests/repository/*.test.ts.
// No rule here needs type information, so no parserOptions.project: linting stays a parse per file.
import { defineConfig } from "eslint/config";
import importX, { createNodeResolver } from "eslint-plugin-import-x";
import tseslint from "typescript-eslint";
import { tsImport } from "tsx/esm/api";

// The layering table and the local rules are TypeScript, type-checked with the rest of tools/.
const { layeringConfigs } = await tsImport("./tools/eslint/layering.ts", import.meta.url);
const { plugin: secureDs } = await tsImport("./tools/eslint/plugin.ts", import.meta.url);

const EXTENSIONS = [".ts", ".mts", ".cts", ".js", ".mjs", ".cjs"];

// Account ids, region, zones and partition come from config (stacks/config.ts), so
// `pulumi preview` of a fresh stack needs no credentials and no lookups.
const NO_DATA_SOURCES = "the program never calls a data source: read the value from the stack config (docs/configuration.md).";
const dataSourceInvokes = [
    // aws.getRegion(), aws.ec2.getVpc(), aws.ec2.getVpcOutput(), and the awsx equivalents.
    { selector: "MemberExpression[object.name=/^(aws|awsx)$/][property.name=/^get[A-Z]/]", message: NO_DATA_SOURCES },
    { selector: "MemberExpression[object.object.name=/^(aws|awsx)$/][property.name=/^get[A-Z]/]", message: NO_DATA_SOURCES },
    // import { getCallerIdentity } from "@pulumi/aws" (esquery regexes cannot hold a slash).
    { selector: "ImportDeclaration[source.value=/^@pulumi.awsx?($|.)/] > ImportSpecifier[imported.name=/^get[A-Z]/]", message: NO_DATA_SOURCES },
    // The account and zone lookups by name, however they were imported.
    {
        selector:
            "Identifier[name=/^(getCallerIdentity|getAvailabilityZones)(Output)?$/]:not(ImportSpecifier > Identifier):not(MemberExpression[object.name=/^(aws|awsx)$/] > Identifier.property)",
        message: NO_DATA_SOURCES,
    },
    // `import * as A from "@pulumi/aws"` would let A.ec2.getVpc() past the selectors above.
    {
        selector: "ImportDeclaration[source.value=/^@pulumi.awsx?$/] > ImportNamespaceSpecifier[local.name!=/^(aws|awsx)$/]",
        message: `${NO_DATA_SOURCES} (import the SDK as \`aws\` so the check sees every call)`,
    },
];

// Imports the layering rules cannot see: dynamic import(), module.require(), createRequire(), and
// `require` passed around under another name. A static import (or a commented eslint-disable
// require) keeps every dependency visible to the layering table and the cycle check.
const HIDDEN_IMPORT = "import statically (or a `require` with an eslint-disable comment that says why), so the layering rules see the dependency";
const hiddenImports = [
    { selector: "ImportExpression", message: HIDDEN_IMPORT },
    { selector: "CallExpression[callee.type='MemberExpression'][callee.property.name='require']", message: HIDDEN_IMPORT },
    { selector: "Identifier[name='createRequire']", message: HIDDEN_IMPORT },
    { selector: "VariableDeclarator[init.type='Identifier'][init.name='require']", message: HIDDEN_IMPORT },
    { selector: "AssignmentExpression[right.type='Identifier'][right.name='require']", message: HIDDEN_IMPORT },
];

export default defineConfig([
    { name: "secure-ds/ignores", ignores: ["bin/", ".plan/", ".vitest/", "coverage/"] },
    {
        name: "secure-ds/everywhere",
        files: ["**/*.{ts,mts,cts,js,mjs,cjs}"],
        languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: "module" },
        linterOptions: { reportUnusedDisableDirectives: "error" },
        plugins: { "@typescript-eslint": tseslint.plugin, "import-x": importX, "secure-ds": secureDs },
        settings: {
            "import-x/extensions": EXTENSIONS,
            "import-x/resolver-next": [createNodeResolver({ extensions: EXTENSIONS })],
        },
        rules: {
            // Strict typing: the real type, or `unknown` and a check.
            "@typescript-eslint/no-explicit-any": "error",
            // `import`, so that layering and cycles see every dependency; the few runtime
            // `require`s say why next to an eslint-disable comment.
            "@typescript-eslint/no-require-imports": "error",
            // A cycle makes module initialisation order decide what is undefined at load time.
            "import-x/no-cycle": ["error", { ignoreExternal: true }],
        },
    },
    // Which folder may import which, and which npm packages where (tools/eslint/layering.ts).
    ...layeringConfigs(),
    {
        name: "secure-ds/no-hidden-imports",
        files: ["plan/**", "policy-pack/**", "tools/**", "bench/**"],
        rules: { "no-restricted-syntax": ["error", ...hiddenImports] },
    },
    {
        // One config for both lists: a later no-restricted-syntax would replace, not add to, these.
        name: "secure-ds/no-data-sources",
        files: ["stacks/**", "components/**"],
        rules: { "no-restricted-syntax": ["error", ...dataSourceInvokes, ...hiddenImports] },
    },
    {
        name: "secure-ds/components",
        files: ["components/**"],
        rules: { "secure-ds/component-type-token": "error", "secure-ds/component-registers-outputs": "error" },
    },
]);
