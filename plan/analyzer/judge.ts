/**
 * Runs the pack over a program's registrations as the step generator does: per resource
 * Remediate (its transformed properties replace the inputs) then Analyze, and one AnalyzeStack
 * over the final set. Diagnostics become plan findings; the "can't run … during preview" ones,
 * which the policy SDK reports when a policy reads an unknown value, are kept apart.
 */
import * as pb from "@pulumi/pulumi/proto/analyzer_pb";
import { EnforcementLevel, PlanFinding, PlanResource, PlanUndecided } from "../types";
import { Json, decodeObject } from "../engine/wire";
import { analyzeRequest, stackResource } from "./marshal";
import { LEVEL_FROM_PB, PackSession } from "./session";

export interface Judgement {
    findings: PlanFinding[];
    undecided: PlanUndecided[];
}

/** The policy SDK's wording (policy/server.js) when a validation touched an unknown value. */
const UNDECIDED = /^can't run policy '([^']+)' from policy pack '[^']*' during preview: /;

// Enough requests in flight to keep the pack's event loop busy without queueing the whole plan.
const IN_FLIGHT = 32;

async function eachLimited<T>(items: T[], fn: (item: T, index: number) => Promise<void>): Promise<void> {
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            await fn(items[i], i);
        }
    };
    await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, items.length) }, worker));
}

export async function judge(session: PackSession, resources: PlanResource[], controls: (policy: string) => string[]): Promise<Judgement> {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    // A policy's configured level: the pack reports undecided checks as advisory whatever it is.
    const configured = (policy: string): EnforcementLevel => session.config[policy]?.enforcementLevel ?? "mandatory";
    const sort = (diagnostics: pb.AnalyzeDiagnostic[], fallbackUrn: string | undefined, into: Judgement): void => {
        for (const d of diagnostics) {
            const policy = d.getPolicyname();
            const urn = d.getUrn() || fallbackUrn;
            const message = d.getMessage();
            if (UNDECIDED.test(message)) {
                into.undecided.push({ policy, level: configured(policy), ...(urn ? { urn } : {}), message: message.replace(UNDECIDED, "") });
            } else {
                into.findings.push({ policy, level: LEVEL_FROM_PB[d.getEnforcementlevel()], ...(urn ? { urn } : {}), message, controls: controls(policy) });
            }
        }
    };

    // One judgement per resource keeps the output in registration order despite the concurrency.
    const perResource: Judgement[] = resources.map(() => ({ findings: [], undecided: [] }));
    await eachLimited(resources, async (r, i) => {
        const remediation = await session.analyzer.remediate(analyzeRequest(r, byUrn));
        for (const t of remediation.getRemediationsList()) {
            const props = t.getProperties();
            if (t.getDiagnostic()) {
                perResource[i].findings.push({
                    policy: t.getPolicyname(),
                    level: "advisory",
                    urn: r.urn,
                    message: t.getDiagnostic(),
                    controls: controls(t.getPolicyname()),
                });
            } else if (props) {
                r.inputs = decodeObject(props.toJavaScript() as Record<string, Json>);
            }
        }
        sort((await session.analyzer.analyze(analyzeRequest(r, byUrn))).getDiagnosticsList(), r.urn, perResource[i]);
    });

    const all: Judgement = { findings: perResource.flatMap((j) => j.findings), undecided: perResource.flatMap((j) => j.undecided) };
    const stack = new pb.AnalyzeStackRequest();
    stack.setResourcesList(resources.map((r) => stackResource(r, byUrn)));
    sort((await session.analyzer.analyzeStack(stack)).getDiagnosticsList(), undefined, all);
    return all;
}
