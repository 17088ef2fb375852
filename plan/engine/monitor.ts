/**
 * The ResourceMonitor and Engine gRPC services over a Deployment. Requests are unpacked here;
 * the bookkeeping lives in deployment.ts. The program must not read the cloud: Invoke, Call and
 * ReadResource are recorded and refused.
 */
import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import * as enginepb from "@pulumi/pulumi/proto/engine_pb";
import type { IEngineServer } from "@pulumi/pulumi/proto/engine_grpc_pb";
import * as resourcepb from "@pulumi/pulumi/proto/resource_pb";
import type { IResourceMonitorServer } from "@pulumi/pulumi/proto/resource_grpc_pb";
import type { InvokeResponse, CallResponse } from "@pulumi/pulumi/proto/provider_pb";
import { Deployment, DuplicateUrnError, Registration, STACK_REFERENCE_TYPE, UnknownStackReferenceError } from "./deployment";
import { ENGINE_FEATURES } from "./features";
import { Json } from "./wire";

type Unary<Req, Res> = grpc.handleUnaryCall<Req, Res>;

function structObject(s: Struct | undefined): Record<string, Json> {
    return (s?.toJavaScript() ?? {}) as Record<string, Json>;
}

function failure(code: grpc.status, message: string): Partial<grpc.StatusObject> {
    return { code, details: message };
}

function registration(req: resourcepb.RegisterResourceRequest): Registration {
    const propertyDependencies: Record<string, string[]> = {};
    req.getPropertydependenciesMap().forEach((deps, key) => {
        propertyDependencies[key] = deps.getUrnsList();
    });
    const providers: Record<string, string> = {};
    req.getProvidersMap().forEach((ref, pkg) => {
        providers[pkg] = ref;
    });
    return {
        type: req.getType(),
        name: req.getName(),
        parent: req.getParent(),
        custom: req.getCustom(),
        remote: req.getRemote(),
        object: structObject(req.getObject()),
        protect: req.getProtect() ?? false,
        retainOnDelete: req.getRetainondelete() ?? false,
        dependencies: req.getDependenciesList(),
        provider: req.getProvider(),
        providers,
        propertyDependencies,
        ignoreChanges: req.getIgnorechangesList(),
        deleteBeforeReplace: req.getDeletebeforereplace(),
        additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
        version: req.getVersion(),
    };
}

/** A ReadResourceRequest in the shape of a registration (a read is recorded like one). */
function readRegistration(req: resourcepb.ReadResourceRequest): Registration {
    return {
        type: req.getType(),
        name: req.getName(),
        parent: req.getParent(),
        custom: true,
        remote: false,
        object: structObject(req.getProperties()),
        protect: false,
        retainOnDelete: false,
        dependencies: req.getDependenciesList(),
        provider: req.getProvider(),
        providers: {},
        propertyDependencies: {},
        ignoreChanges: [],
        deleteBeforeReplace: false,
        additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
        version: req.getVersion(),
    };
}

const NO_CLOUD_READS =
    "secure-ds takes account ids, regions and zones from config so that a preview needs no credentials; the offline engine answers no provider calls";

export function resourceMonitor(deployment: Deployment): IResourceMonitorServer {
    const refuse =
        <Req, Res>(kind: "invoke" | "call" | "read", describe: (req: Req) => { token: string; urn?: string }): Unary<Req, Res> =>
        (call, callback) => {
            const { token, urn } = describe(call.request);
            deployment.calls.push({ kind, token, urn });
            callback(failure(grpc.status.FAILED_PRECONDITION, `the program made a ${kind} of ${token}; ${NO_CLOUD_READS}`));
        };
    // Reading a cloud resource (`get` functions, `Resource.get`) is a cloud call like an invoke.
    const refuseRead = refuse<resourcepb.ReadResourceRequest, resourcepb.ReadResourceResponse>("read", (req) => ({
        token: req.getType(),
        urn: `${req.getName()} (id ${req.getId()})`,
    }));
    const unsupported =
        <Req, Res>(what: string): Unary<Req, Res> =>
        (_call, callback) =>
            callback(failure(grpc.status.UNIMPLEMENTED, `${what} needs callbacks into the program, which the offline engine does not run`));

    return {
        supportsFeature: (call, callback) => {
            const res = new resourcepb.SupportsFeatureResponse();
            res.setHassupport(ENGINE_FEATURES.has(call.request.getId()));
            callback(null, res);
        },
        getDeploymentInfo: (_call, callback) => {
            const res = new resourcepb.DeploymentInfo();
            res.setProject(deployment.options.project);
            res.setStack(deployment.options.stack);
            res.setDryrun(deployment.options.mode === "preview");
            callback(null, res);
        },
        registerResource: (call, callback) => {
            try {
                const answer = deployment.register(registration(call.request));
                const res = new resourcepb.RegisterResourceResponse();
                res.setUrn(answer.urn);
                res.setId(answer.id);
                res.setObject(Struct.fromJavaScript(answer.object));
                res.setResult(resourcepb.Result.SUCCESS);
                callback(null, res);
            } catch (err) {
                const code = err instanceof DuplicateUrnError ? grpc.status.ALREADY_EXISTS : grpc.status.INTERNAL;
                callback(failure(code, err instanceof Error ? err.message : String(err)));
            }
        },
        registerResourceOutputs: (call, callback) => {
            try {
                deployment.registerOutputs(call.request.getUrn(), structObject(call.request.getOutputs()));
                callback(null, new Empty());
            } catch (err) {
                callback(failure(grpc.status.NOT_FOUND, err instanceof Error ? err.message : String(err)));
            }
        },
        invoke: refuse<resourcepb.ResourceInvokeRequest, InvokeResponse>("invoke", (req) => ({ token: req.getTok() })),
        call: refuse<resourcepb.ResourceCallRequest, CallResponse>("call", (req) => ({ token: req.getTok() })),
        readResource: (call, callback) => {
            const req = call.request;
            if (req.getType() !== STACK_REFERENCE_TYPE) {
                refuseRead(call, callback);
                return;
            }
            try {
                const answer = deployment.readStackReference(readRegistration(req), req.getId());
                const res = new resourcepb.ReadResourceResponse();
                res.setUrn(answer.urn);
                res.setProperties(Struct.fromJavaScript(answer.object));
                callback(null, res);
            } catch (err) {
                const code =
                    err instanceof DuplicateUrnError
                        ? grpc.status.ALREADY_EXISTS
                        : err instanceof UnknownStackReferenceError
                          ? grpc.status.NOT_FOUND
                          : grpc.status.INTERNAL;
                callback(failure(code, err instanceof Error ? err.message : String(err)));
            }
        },
        registerPackage: (call, callback) => {
            const res = new resourcepb.RegisterPackageResponse();
            res.setRef(`${call.request.getName()}@${call.request.getVersion()}`);
            callback(null, res);
        },
        registerStackTransform: unsupported("a stack transform"),
        registerStackInvokeTransform: unsupported("an invoke transform"),
        registerResourceHook: unsupported("a resource hook"),
        registerErrorHook: unsupported("an error hook"),
        signalAndWaitForShutdown: (_call, callback) => callback(null, new Empty()),
    };
}

const SEVERITY: Record<enginepb.LogSeverity, "debug" | "info" | "warning" | "error"> = {
    [enginepb.LogSeverity.DEBUG]: "debug",
    [enginepb.LogSeverity.INFO]: "info",
    [enginepb.LogSeverity.WARNING]: "warning",
    [enginepb.LogSeverity.ERROR]: "error",
};

export function engineService(deployment: Deployment): IEngineServer {
    return {
        log: (call, callback) => {
            const req = call.request;
            deployment.diagnostics.push({ severity: SEVERITY[req.getSeverity()], message: req.getMessage(), urn: req.getUrn() || undefined });
            callback(null, new Empty());
        },
        getRootResource: (_call, callback) => {
            const res = new enginepb.GetRootResourceResponse();
            res.setUrn(deployment.rootResource);
            callback(null, res);
        },
        setRootResource: (call, callback) => {
            deployment.rootResource = call.request.getUrn();
            callback(null, new enginepb.SetRootResourceResponse());
        },
        startDebugging: (_call, callback) => callback(failure(grpc.status.UNIMPLEMENTED, "debugging is not offered by the offline engine")),
        requirePulumiVersion: (_call, callback) => callback(null, new enginepb.RequirePulumiVersionResponse()),
    };
}
