/**
 * A component's type token is `secure-ds:<module>:<Name>`: the first argument of its `super(...)`
 * call, written as a string so that reviewers, this rule and the policy pack (which matches
 * resources by token) read the same value. The token is part of every child's URN: changing it
 * later replaces the resources, so the convention is checked before the first deploy.
 */
import type { Rule } from "eslint";
import { type ClassNode, classLabel, extendsComponentResource, type NodeOf } from "./componentClass";

export const TYPE_TOKEN = /^secure-ds:[a-z]+:[A-Z][A-Za-z]+$/;

type Expression = NodeOf<"CallExpression">["arguments"][number];

/** The string value of a literal argument, or undefined when it is computed. */
function literalString(arg: Expression | undefined): string | undefined {
    if (!arg) return undefined;
    if (arg.type === "Literal" && typeof arg.value === "string") return arg.value;
    if (arg.type === "TemplateLiteral" && arg.expressions.length === 0) return arg.quasis[0]?.value.cooked ?? undefined;
    return undefined;
}

/** The constructor's top-level `super(...)` call: TypeScript requires it before any `this`. */
function superCall(node: ClassNode): NodeOf<"CallExpression"> | undefined {
    for (const member of node.body.body) {
        if (member.type !== "MethodDefinition" || member.kind !== "constructor") continue;
        for (const statement of member.value.body.body) {
            if (statement.type === "ExpressionStatement" && statement.expression.type === "CallExpression" && statement.expression.callee.type === "Super") {
                return statement.expression as NodeOf<"CallExpression">;
            }
        }
    }
    return undefined;
}

export const componentTypeToken: Rule.RuleModule = {
    meta: {
        type: "problem",
        docs: { description: "ComponentResource type tokens follow `secure-ds:<module>:<Name>` and are string literals" },
        schema: [],
        messages: {
            noSuper: '{{name}} extends pulumi.ComponentResource but its constructor has no `super("secure-ds:<module>:<Name>", …)` call.',
            computed: "{{name}}: write the type token as a string literal so it can be checked (`secure-ds:<module>:<Name>`).",
            badToken: '{{name}}: type token "{{token}}" does not match secure-ds:<module>:<Name> (module lower case, Name PascalCase).',
        },
    },
    create(context) {
        const check = (node: ClassNode): void => {
            if (!extendsComponentResource(node)) return;
            const { name, at } = classLabel(node);
            const call = superCall(node);
            if (!call) {
                context.report({ node: at, messageId: "noSuper", data: { name } });
                return;
            }
            const token = literalString(call.arguments[0]);
            if (token === undefined) {
                context.report({ node: call, messageId: "computed", data: { name } });
            } else if (!TYPE_TOKEN.test(token)) {
                context.report({ node: call, messageId: "badToken", data: { name, token } });
            }
        };
        return { ClassDeclaration: check, ClassExpression: check };
    },
};
