/** Serves the ResourceMonitor and Engine services of one Deployment on a loopback port. */
import * as grpc from "@grpc/grpc-js";
import { EngineService } from "@pulumi/pulumi/proto/engine_grpc_pb";
import { ResourceMonitorService } from "@pulumi/pulumi/proto/resource_grpc_pb";
import { Deployment } from "./deployment";
import { engineService, resourceMonitor } from "./monitor";

export interface EngineServer {
    /** host:port, for both `--monitor` and `--engine`. */
    address: string;
    close(): Promise<void>;
}

// The SDK sends whole resource graphs through one channel; match the engine's generous limit.
const MAX_MESSAGE = 400 * 1024 * 1024;

export function serveEngine(deployment: Deployment): Promise<EngineServer> {
    const server = new grpc.Server({ "grpc.max_receive_message_length": MAX_MESSAGE, "grpc.max_send_message_length": MAX_MESSAGE });
    server.addService(ResourceMonitorService, resourceMonitor(deployment));
    server.addService(EngineService, engineService(deployment));
    return new Promise((resolve, reject) => {
        server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, port) => {
            if (err) return reject(err);
            resolve({
                address: `127.0.0.1:${port}`,
                close: () =>
                    new Promise<void>((done) => {
                        server.tryShutdown(() => done());
                    }),
            });
        });
    });
}
