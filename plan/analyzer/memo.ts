/**
 * Remediate and Analyze of one pack session, memoised by the request's bytes: a request the
 * session has already answered is answered again from memory, any other is sent to the pack.
 *
 * Why this is the pack's own answer. The policy SDK's server (@pulumi/policy server.js) answers
 * `analyze` and `remediate` from the request and from two pieces of state only: the policy
 * config set by Configure (sent once per session) and the stack tags set by ConfigureStack
 * (the same tags every time a session sends it). Nothing an earlier Analyze, Remediate or
 * AnalyzeStack did is read by a later one; the pack's policies keep no state between calls
 * either (they read their arguments and `getConfig`). So within one session and one mode the
 * response is a function of the request, and two requests with the same bytes (a protobuf
 * message's serialization holds every field it carries) get the same response. The key is a
 * SHA-256 of those bytes, per RPC; a memo is kept per mode (plan/analyzer/service.ts) so
 * that ConfigureStack's dry-run flag cannot leak from one mode into the other even if a pack
 * read it.
 *
 * What it changes on the wire: a resource that is byte for byte one the session already judged
 * is not sent again; every changed or new resource is, and AnalyzeStack (the whole stack, as
 * the CLI sends it) is never memoised.
 */
import { createHash } from "node:crypto";
import * as pb from "@pulumi/pulumi/proto/analyzer_pb";
import { Analyzer } from "./client";

/** The per-resource calls a Judge makes (./judge.ts). */
export interface ResourceCalls {
    remediate(req: pb.AnalyzeRequest): Promise<pb.RemediateResponse>;
    analyze(req: pb.AnalyzeRequest): Promise<pb.AnalyzeResponse>;
}

export interface MemoStats {
    /** Requests sent to the pack. */
    sent: { remediate: number; analyze: number };
    /** Requests answered from memory. */
    reused: { remediate: number; analyze: number };
}

export class MemoisedCalls implements ResourceCalls {
    private readonly answers = new Map<string, Promise<pb.RemediateResponse | pb.AnalyzeResponse>>();
    readonly stats: MemoStats = { sent: { remediate: 0, analyze: 0 }, reused: { remediate: 0, analyze: 0 } };

    constructor(private readonly analyzer: Analyzer) {}

    remediate(req: pb.AnalyzeRequest): Promise<pb.RemediateResponse> {
        return this.memo("remediate", req, () => this.analyzer.remediate(req)) as Promise<pb.RemediateResponse>;
    }

    analyze(req: pb.AnalyzeRequest): Promise<pb.AnalyzeResponse> {
        return this.memo("analyze", req, () => this.analyzer.analyze(req)) as Promise<pb.AnalyzeResponse>;
    }

    private memo(rpc: "remediate" | "analyze", req: pb.AnalyzeRequest, send: () => Promise<pb.RemediateResponse | pb.AnalyzeResponse>) {
        const key = `${rpc} ${createHash("sha256").update(req.serializeBinary()).digest("base64")}`;
        const known = this.answers.get(key);
        if (known) {
            this.stats.reused[rpc]++;
            return known;
        }
        this.stats.sent[rpc]++;
        const answer = send();
        this.answers.set(key, answer);
        // A failed call is not an answer: the next identical request is sent again.
        answer.catch(() => this.answers.delete(key));
        return answer;
    }
}
