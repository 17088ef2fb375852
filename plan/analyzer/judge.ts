/**
 * Runs the pack over a program's registrations as the step generator does: each resource, as it
 * is registered, gets Remediate (its transformed properties replace the inputs) then Analyze;
 * at the end one AnalyzeStack over the final set. Diagnostics become plan findings; the "can't
 * run … during preview" ones, which the policy SDK reports when a policy reads an unknown
 * value, are kept apart.
 */
import * as pb from "@pulumi/pulumi/proto/analyzer_pb";
import { EnforcementLevel, PlanFinding, PlanResource, PlanUndecided } from "../types";
import { Json, decodeObject } from "../engine/wire";
import { analyzeRequest, stackResource } from "./marshal";
import { ResourceCalls } from "./memo";
import { LEVEL_FROM_PB, PackSession } from "./session";

export interface Judgement {
    findings: PlanFinding[];
    undecided: PlanUndecided[];
}

/** The policy SDK's wording (policy/server.js) when a validation touched an unknown value. */
const UNDECIDED = /^can't run policy '([^']+)' from policy pack '[^']*' during preview: /;

// Enough requests in flight to keep the pack's event loop busy without queueing the whole plan.
const IN_FLIGHT = 32;

export class Judge {
    private readonly pending = new Map<string, Promise<Judgement>>();
    private running = 0;
    private readonly queue: (() => void)[] = [];
    /** Resources whose Remediate and Analyze have answered (for the progress line). */
    analyzed = 0;

    constructor(
        private readonly session: PackSession,
        private readonly lookup: (urn: string) => PlanResource | undefined,
        private readonly controls: (policy: string) => string[],
        /** Where Remediate and Analyze go: the session's client, or a memo of it (./memo.ts). */
        private readonly calls: ResourceCalls = session.analyzer,
    ) {}

    /** Remediate and Analyze one resource, now or as soon as a slot is free. */
    schedule(r: PlanResource): void {
        if (this.pending.has(r.urn)) return;
        this.pending.set(
            r.urn,
            this.slot(() => this.analyzeOne(r)).then((j) => {
                this.analyzed++;
                return j;
            }),
        );
    }

    /** Waits for every resource's analysis, then runs AnalyzeStack; results in the order of `resources`. */
    async finish(resources: PlanResource[]): Promise<Judgement> {
        for (const r of resources) this.schedule(r);
        const each = await Promise.all(resources.map((r) => this.pending.get(r.urn) as Promise<Judgement>));
        const all: Judgement = { findings: each.flatMap((j) => j.findings), undecided: each.flatMap((j) => j.undecided) };
        const byUrn = new Map(resources.map((r) => [r.urn, r]));
        const stack = new pb.AnalyzeStackRequest();
        stack.setResourcesList(resources.map((r) => stackResource(r, (urn) => byUrn.get(urn))));
        this.sort((await this.session.analyzer.analyzeStack(stack)).getDiagnosticsList(), undefined, all);
        return all;
    }

    private async slot<T>(fn: () => Promise<T>): Promise<T> {
        if (this.running >= IN_FLIGHT) await new Promise<void>((resolve) => this.queue.push(resolve));
        this.running++;
        try {
            return await fn();
        } finally {
            this.running--;
            this.queue.shift()?.();
        }
    }

    private async analyzeOne(r: PlanResource): Promise<Judgement> {
        const out: Judgement = { findings: [], undecided: [] };
        const remediation = await this.calls.remediate(analyzeRequest(r, this.lookup));
        for (const t of remediation.getRemediationsList()) {
            const props = t.getProperties();
            if (t.getDiagnostic()) {
                out.findings.push({
                    policy: t.getPolicyname(),
                    level: "advisory",
                    urn: r.urn,
                    message: t.getDiagnostic(),
                    controls: this.controls(t.getPolicyname()),
                });
            } else if (props) {
                r.inputs = decodeObject(props.toJavaScript() as Record<string, Json>);
            }
        }
        this.sort((await this.calls.analyze(analyzeRequest(r, this.lookup))).getDiagnosticsList(), r.urn, out);
        return out;
    }

    // A policy's configured level: the pack reports undecided checks as advisory whatever it is.
    private configured(policy: string): EnforcementLevel {
        return this.session.config[policy]?.enforcementLevel ?? "mandatory";
    }

    private sort(diagnostics: pb.AnalyzeDiagnostic[], fallbackUrn: string | undefined, into: Judgement): void {
        for (const d of diagnostics) {
            const policy = d.getPolicyname();
            const urn = d.getUrn() || fallbackUrn;
            const message = d.getMessage();
            if (UNDECIDED.test(message)) {
                into.undecided.push({ policy, level: this.configured(policy), ...(urn ? { urn } : {}), message: message.replace(UNDECIDED, "") });
            } else {
                into.findings.push({
                    policy,
                    level: LEVEL_FROM_PB[d.getEnforcementlevel()],
                    ...(urn ? { urn } : {}),
                    message,
                    controls: this.controls(policy),
                });
            }
        }
    }
}
