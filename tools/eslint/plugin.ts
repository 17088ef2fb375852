/**
 * The repository's own ESLint rules, registered as plugin `secure-ds` in eslint.config.mjs: the
 * ComponentResource conventions that no published rule checks.
 */
import type { ESLint } from "eslint";
import { componentRegistersOutputs } from "./componentRegistersOutputs";
import { componentTypeToken } from "./componentTypeToken";

export const plugin: ESLint.Plugin = {
    meta: { name: "secure-ds" },
    rules: {
        "component-type-token": componentTypeToken,
        "component-registers-outputs": componentRegistersOutputs,
    },
};
