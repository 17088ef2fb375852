/**
 * A ComponentResource calls `this.registerOutputs(...)`: until it does, Pulumi keeps the component
 * "creating" and `pulumi up` shows it unfinished, and the outputs are missing from the state.
 */
import type { Rule } from "eslint";
import { type ClassNode, classLabel, extendsComponentResource, type NodeOf } from "./componentClass";

function isRegisterOutputs(node: NodeOf<"CallExpression">): boolean {
    const callee = node.callee;
    return (
        callee.type === "MemberExpression" &&
        callee.object.type === "ThisExpression" &&
        callee.property.type === "Identifier" &&
        callee.property.name === "registerOutputs"
    );
}

export const componentRegistersOutputs: Rule.RuleModule = {
    meta: {
        type: "problem",
        docs: { description: "classes extending pulumi.ComponentResource call this.registerOutputs(...)" },
        schema: [],
        messages: {
            missing: "{{name}} extends pulumi.ComponentResource but never calls `this.registerOutputs(...)`.",
        },
    },
    create(context) {
        // The enclosing classes, innermost last, with whether each has called registerOutputs.
        const open: { node: ClassNode; registers: boolean }[] = [];
        const enter = (node: ClassNode): void => {
            open.push({ node, registers: false });
        };
        const exit = (): void => {
            const cls = open.pop();
            if (!cls || cls.registers || !extendsComponentResource(cls.node)) return;
            const { name, at } = classLabel(cls.node);
            context.report({ node: at, messageId: "missing", data: { name } });
        };
        return {
            ClassDeclaration: enter,
            ClassExpression: enter,
            "ClassDeclaration:exit": exit,
            "ClassExpression:exit": exit,
            CallExpression(node) {
                const innermost = open[open.length - 1];
                if (innermost && isRegisterOutputs(node)) innermost.registers = true;
            },
        };
    },
};
