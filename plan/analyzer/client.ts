/** Promise wrappers over the Analyzer gRPC client, for the calls the CLI makes in its order. */
import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { AnalyzerClient } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import * as pb from "@pulumi/pulumi/proto/analyzer_pb";

const MAX_MESSAGE = 400 * 1024 * 1024;

type Callback<T> = (error: grpc.ServiceError | null, response: T) => void;

function call<Req, Res>(fn: (req: Req, cb: Callback<Res>) => unknown, req: Req): Promise<Res> {
    return new Promise((resolve, reject) => {
        fn(req, (error, response) => (error ? reject(error) : resolve(response)));
    });
}

export class Analyzer {
    private readonly client: AnalyzerClient;

    constructor(address: string) {
        this.client = new AnalyzerClient(address, grpc.credentials.createInsecure(), {
            "grpc.max_receive_message_length": MAX_MESSAGE,
            "grpc.max_send_message_length": MAX_MESSAGE,
        });
    }

    /** Handshake; a pack that does not implement it (the nodejs policy SDK) is fine, as for the CLI. */
    async handshake(req: pb.AnalyzerHandshakeRequest): Promise<void> {
        try {
            await call(this.client.handshake.bind(this.client), req);
        } catch (err) {
            if ((err as grpc.ServiceError).code !== grpc.status.UNIMPLEMENTED) throw err;
        }
    }

    configureStack(req: pb.AnalyzerStackConfigureRequest): Promise<pb.AnalyzerStackConfigureResponse> {
        return call(this.client.configureStack.bind(this.client), req);
    }

    info(): Promise<pb.AnalyzerInfo> {
        return call(this.client.getAnalyzerInfo.bind(this.client), new Empty());
    }

    async configure(req: pb.ConfigureAnalyzerRequest): Promise<void> {
        await call(this.client.configure.bind(this.client), req);
    }

    remediate(req: pb.AnalyzeRequest): Promise<pb.RemediateResponse> {
        return call(this.client.remediate.bind(this.client), req);
    }

    analyze(req: pb.AnalyzeRequest): Promise<pb.AnalyzeResponse> {
        return call(this.client.analyze.bind(this.client), req);
    }

    analyzeStack(req: pb.AnalyzeStackRequest): Promise<pb.AnalyzeResponse> {
        return call(this.client.analyzeStack.bind(this.client), req);
    }

    close(): void {
        this.client.close();
    }
}
