/** Builders that keep the per-service data files to one line per rule. */
import { ContractRule } from "./types";

type Where = Pick<ContractRule, "type" | "path" | "field" | "source">;

export const length = (where: Where, max: number, min?: number): ContractRule => ({ ...where, constraint: { kind: "length", max, min } });

export const pattern = (where: Where, re: RegExp, expected: string): ContractRule => ({ ...where, constraint: { kind: "pattern", pattern: re, expected } });

export const forbidden = (where: Where, re: RegExp, expected: string): ContractRule => ({ ...where, constraint: { kind: "forbidden", pattern: re, expected } });

export const range = (where: Where, min: number, max: number): ContractRule => ({ ...where, constraint: { kind: "range", min, max } });

export const oneOf = (where: Where, values: readonly (string | number)[]): ContractRule => ({ ...where, constraint: { kind: "enum", values } });

/** A name of the `[\w+=,.@-]+` family IAM and IAM Identity Center use. */
export const IAM_NAME = /^[\w+=,.@-]+$/;
export const IAM_NAME_CHARS = "letters, digits and +=,.@_-";

/** IAM and Identity Center descriptions: tab, line breaks, printable ASCII and Latin-1. */
export const LATIN1_TEXT = /^[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]*$/;
export const LATIN1_TEXT_CHARS = "printable ASCII and Latin-1 characters (no curly quotes, dashes or emoji)";
