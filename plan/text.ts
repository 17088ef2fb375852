/** Text layout for the printed plan: one screen of 100 columns; paths as a person types them. */
import * as path from "node:path";

export const SCREEN_WIDTH = 100;

/** Cuts `text` to `width` characters, marking the cut. */
export function cut(text: string, width: number): string {
    return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}

/**
 * Flows `items` into lines of at most `width` columns after `first` (the line's label) and an
 * indent for the continuation lines; an item longer than a line gets a line of its own, cut.
 */
export function flow(first: string, items: string[], indent: string, width = SCREEN_WIDTH, separator = " · "): string[] {
    const lines: string[] = [];
    let line = first;
    let empty = true;
    for (const item of items) {
        const candidate = empty ? `${line}${item}` : `${line}${separator}${item}`;
        if (candidate.length <= width || empty) {
            line = candidate.length <= width ? candidate : cut(candidate, width);
            empty = false;
            continue;
        }
        lines.push(line);
        line = cut(`${indent}${item}`, width);
    }
    lines.push(line);
    return lines;
}

export const count = (n: number): string => n.toLocaleString("en-US");

/** A path as a person would type it here: relative below the working directory, else absolute. */
export function displayPath(file: string): string {
    const rel = path.relative(process.cwd(), path.resolve(file));
    return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : path.resolve(file);
}
