/**
 * What the component rules of tools/eslint/plugin.ts share: recognising a class that extends
 * `pulumi.ComponentResource`, over the AST types that ESLint's own typings define.
 */
import type { Rule } from "eslint";

/** The AST node of one type, with its parent link, as ESLint hands it to a rule. */
export type NodeOf<T extends Rule.Node["type"]> = Extract<Rule.Node, { type: T }>;

export type ClassNode = NodeOf<"ClassDeclaration"> | NodeOf<"ClassExpression">;

/** `class X extends pulumi.ComponentResource` (or `ComponentResource` imported by name). */
export function extendsComponentResource(node: ClassNode): boolean {
    const base = node.superClass;
    if (!base) return false;
    if (base.type === "Identifier") return base.name === "ComponentResource";
    return (
        base.type === "MemberExpression" &&
        base.object.type === "Identifier" &&
        base.object.name === "pulumi" &&
        base.property.type === "Identifier" &&
        base.property.name === "ComponentResource"
    );
}

/** The node to point a report at: the class name, or the class itself when it has none. */
export function classLabel(node: ClassNode): { name: string; at: Rule.Node } {
    return node.id ? { name: node.id.name, at: node.id as Rule.Node } : { name: "(anonymous class)", at: node };
}
