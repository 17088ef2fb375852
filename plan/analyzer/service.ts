/**
 * One pack session serving many judgements: the pack is started and configured once
 * (Handshake, ConfigureStack, GetAnalyzerInfo, Configure), then each `judge` call sends
 * Remediate and Analyze per resource and one AnalyzeStack, as ./judge.ts does for a run.
 *
 * Repeated calls are independent: the policy SDK's server (@pulumi/policy server.js) keeps only
 * the Configure'd policy config and the ConfigureStack'd stack tags between requests; `analyze`,
 * `remediate` and `analyzeStack` read nothing else from earlier calls. The dry-run flag is read
 * neither by the SDK nor by the pack (whether a value is known travels in each request), so one
 * session serves both modes; ConfigureStack is still sent again when the mode changes, as the
 * CLI would send it for another update.
 *
 * Because of that, Remediate and Analyze are memoised per mode by their request bytes
 * (./memo.ts): a judgement sends them only for the resources no earlier judgement of the session
 * sent byte for byte, so judging many variants of one plan (the mutation proof) costs one
 * Analyze per changed resource plus one AnalyzeStack of the whole stack.
 */
import { PlanMode } from "../engine/outputs";
import { PlanResource } from "../types";
import { Judge, Judgement } from "./judge";
import { MemoisedCalls, MemoStats } from "./memo";
import { configureStack, explainPackFailure, openPackSession, PackSession, SessionOptions } from "./session";

export interface PackJudge {
    /** The open session (policies, resolved config). */
    session: PackSession;
    /**
     * Judges one set of resources. Remediations replace the inputs of the resources passed, as in
     * a run; pass a copy to keep the original. Calls run one after the other.
     */
    judge(resources: PlanResource[], mode: PlanMode): Promise<Judgement>;
    /** Per mode: how many Remediate and Analyze requests went to the pack, how many were reused. */
    stats(mode: PlanMode): MemoStats;
    close(): Promise<void>;
}

export interface PackJudgeOptions extends Omit<SessionOptions, "dryRun"> {
    /** The mode ConfigureStack is first sent for. */
    mode: PlanMode;
    controls: (policy: string) => string[];
}

export async function openJudge(opts: PackJudgeOptions): Promise<PackJudge> {
    const session = await openPackSession({ ...opts, dryRun: opts.mode === "preview" });
    let mode = opts.mode;
    let last: Promise<unknown> = Promise.resolve();
    const memos = new Map<PlanMode, MemoisedCalls>();
    const memo = (m: PlanMode): MemoisedCalls => {
        let calls = memos.get(m);
        if (!calls) memos.set(m, (calls = new MemoisedCalls(session.analyzer)));
        return calls;
    };
    const run = async (resources: PlanResource[], want: PlanMode): Promise<Judgement> => {
        try {
            if (want !== mode) {
                await configureStack(session.analyzer, opts, want === "preview");
                mode = want;
            }
            const byUrn = new Map(resources.map((r) => [r.urn, r]));
            return await new Judge(session, (urn) => byUrn.get(urn), opts.controls, memo(want)).finish(resources);
        } catch (err) {
            throw explainPackFailure(session.process, err);
        }
    };
    return {
        session,
        judge(resources, want) {
            const next = last.then(
                () => run(resources, want),
                () => run(resources, want),
            );
            last = next;
            return next;
        },
        stats: (m) => structuredClone(memo(m).stats),
        close: () => {
            session.close();
            return Promise.resolve();
        },
    };
}
