/**
 * The engine's bookkeeping for one program run, independent of gRPC: URNs, provider resolution
 * (explicit, a parent component's `providers`, else the package's default provider, as
 * source_eval.go resolveProvider and default_providers.go do), the answer per mode, and one
 * PlanResource per registration in registration order.
 */
import { PlanResource } from "../types";
import { canonicalOrder } from "./order";
import { EngineAnswer, PlanMode, ProviderInfo, providerAnswer, providerInfo, resourceAnswer } from "./outputs";
import { ROOT_STACK_TYPE, childUrn, defaultProviderName, newUrn, providerReferenceUrn } from "./urn";
import { Json, UNKNOWN, decodeObject, markSecrets, outputValueDependencies, resolveOutputValues } from "./wire";

export interface Registration {
    type: string;
    name: string;
    parent: string;
    custom: boolean;
    remote: boolean;
    object: Record<string, Json>;
    protect: boolean;
    retainOnDelete: boolean;
    dependencies: string[];
    provider: string;
    providers: Record<string, string>;
    propertyDependencies: Record<string, string[]>;
    ignoreChanges: string[];
    deleteBeforeReplace: boolean;
    additionalSecretOutputs: string[];
    version: string;
}

export interface EngineCall {
    kind: "invoke" | "call" | "read";
    token: string;
    urn?: string;
}

export interface Diagnostic {
    severity: "debug" | "info" | "warning" | "error";
    message: string;
    urn?: string;
}

export interface DeploymentOptions {
    project: string;
    stack: string;
    mode: PlanMode;
    /** Stack config (`<namespace>:<key>` → string), for default providers' config. */
    config: Record<string, string>;
    /**
     * Outputs of the stacks this one may reference, by the name `pulumi.StackReference` is given
     * (the builtin provider reads them from the backend; here, from upstream plans).
     */
    stackReferences?: Record<string, Record<string, unknown>>;
    /**
     * false: a resource without a provider keeps none, and no default provider is registered.
     * For in-process unit tests, whose fixtures count what the program itself registered.
     */
    defaultProviders?: boolean;
}

export class DuplicateUrnError extends Error {}

/** A StackReference to a stack the engine has no outputs for. */
export class UnknownStackReferenceError extends Error {}

/** The builtin provider's one readable type (pkg/resource/deploy/builtins.go). */
export const STACK_REFERENCE_TYPE = "pulumi:pulumi:StackReference";

const isProviderType = (type: string) => type.startsWith("pulumi:providers:");
const packageOf = (type: string) => type.split(":")[0] ?? "";

export class Deployment {
    readonly records = new Map<string, PlanResource>();
    readonly calls: EngineCall[] = [];
    readonly diagnostics: Diagnostic[] = [];
    rootResource = "";
    private readonly listeners: ((resource: PlanResource) => void)[] = [];
    private readonly providers = new Map<string, ProviderInfo>();
    private readonly componentProviders = new Map<string, Record<string, string>>();
    private readonly defaultProviders = new Map<string, string>();

    constructor(readonly options: DeploymentOptions) {}

    get stackUrn(): string {
        return newUrn(this.options.stack, this.options.project, "", ROOT_STACK_TYPE, `${this.options.project}-${this.options.stack}`);
    }

    /** Called with each resource as it is registered (the step generator analyzes it then). */
    onRegistered(listener: (resource: PlanResource) => void): void {
        this.listeners.push(listener);
    }

    /** Every registration, in canonical order (order.ts), not the varying order of arrival. */
    resources(): PlanResource[] {
        return canonicalOrder([...this.records.values()]);
    }

    register(reg: Registration): { urn: string } & EngineAnswer {
        const { stack, project, mode } = this.options;
        const urn = childUrn(stack, project, reg.parent, reg.type, reg.name);
        if (this.records.has(urn)) throw new DuplicateUrnError(`Duplicate resource URN '${urn}'; try giving it a unique name`);
        const provider = isProviderType(reg.type) || !(reg.custom || reg.remote) ? reg.provider : this.resolveProvider(reg);
        const providerUrn = providerReferenceUrn(provider);
        let answer: EngineAnswer;
        if (isProviderType(reg.type)) {
            answer = providerAnswer(mode, urn, reg.object);
            this.providers.set(urn, providerInfo(reg.name, decodeObject(reg.object)));
        } else if (reg.custom || reg.remote) {
            const info = providerUrn ? this.providers.get(providerUrn) : undefined;
            answer = resourceAnswer(mode, reg.type, reg.name, resolveOutputValues(reg.object) as Record<string, Json>, info, reg.custom);
        } else {
            answer = { id: "", object: {} };
        }
        if (!reg.custom && Object.keys(reg.providers).length > 0) this.componentProviders.set(urn, reg.providers);
        this.record(urn, reg, providerUrn, answer);
        const recorded = this.records.get(urn) as PlanResource;
        for (const listener of this.listeners) listener(recorded);
        return { urn, id: answer.id, object: reg.custom ? markSecrets(answer.object, reg.additionalSecretOutputs) : answer.object };
    }

    /**
     * ReadResource of a StackReference, as the builtin provider answers it: the referenced
     * stack's outputs under `outputs` and `secretOutputNames`, with the stack name as id. The
     * read is recorded like a registration (the engine keeps it in the snapshot and the
     * Analyzer sees it).
     */
    readStackReference(reg: Registration, id: string): { urn: string; object: Record<string, Json> } {
        const referenced = this.options.stackReferences?.[id];
        if (!referenced) {
            const known = Object.keys(this.options.stackReferences ?? {});
            throw new UnknownStackReferenceError(
                `stack reference ${reg.name} names stack "${id}", which this plan has no outputs for (${known.length > 0 ? `known: ${known.join(", ")}` : "no upstream stack was planned"}); plan with --with-upstream, or fix the stack name in secure-ds:platform.stack.upstream`,
            );
        }
        const urn = childUrn(this.options.stack, this.options.project, reg.parent, reg.type, reg.name);
        if (this.records.has(urn)) throw new DuplicateUrnError(`Duplicate resource URN '${urn}'; try giving it a unique name`);
        const provider = this.resolveProvider(reg);
        const object = { name: id, outputs: referenced as Json, secretOutputNames: [] };
        this.record(urn, { ...reg, object: reg.object }, providerReferenceUrn(provider), { id, object });
        const recorded = this.records.get(urn) as PlanResource;
        for (const listener of this.listeners) listener(recorded);
        return { urn, object };
    }

    registerOutputs(urn: string, outputs: Record<string, Json>): void {
        const record = this.records.get(urn);
        if (!record) throw new Error(`RegisterResourceOutputs for unregistered resource ${urn}`);
        record.outputs = decodeObject(outputs);
    }

    /** Stack outputs: what the program returned, as RegisterResourceOutputs sent it. */
    stackOutputs(): Record<string, unknown> {
        return this.records.get(this.stackUrn)?.outputs ?? {};
    }

    private resolveProvider(reg: Registration): string {
        if (reg.provider) return reg.provider;
        const pkg = packageOf(reg.type);
        const fromMap = reg.providers[pkg] ?? (reg.parent ? this.componentProviders.get(reg.parent)?.[pkg] : undefined);
        if (fromMap) return fromMap;
        return this.options.defaultProviders === false ? "" : this.defaultProvider(pkg, reg.version);
    }

    /** The engine registers `pulumi:providers:<pkg>::default[_<version>]`, unparented, configured from `<pkg>:*` stack config. */
    private defaultProvider(pkg: string, version: string): string {
        const name = defaultProviderName(version);
        const key = `${pkg}::${name}`;
        const existing = this.defaultProviders.get(key);
        if (existing) return existing;
        const object: Record<string, Json> = {};
        for (const [k, v] of Object.entries(this.options.config)) {
            if (k.startsWith(`${pkg}:`)) object[k.slice(pkg.length + 1)] = v;
        }
        if (version) object.version = version;
        const { urn, id } = this.register({
            type: `pulumi:providers:${pkg}`,
            name,
            parent: "",
            custom: true,
            remote: false,
            object,
            protect: false,
            retainOnDelete: false,
            dependencies: [],
            provider: "",
            providers: {},
            propertyDependencies: {},
            ignoreChanges: [],
            deleteBeforeReplace: false,
            additionalSecretOutputs: [],
            version: "",
        });
        const ref = `${urn}::${id}`;
        this.defaultProviders.set(key, ref);
        return ref;
    }

    private record(urn: string, reg: Registration, providerUrn: string | undefined, answer: EngineAnswer): void {
        const propertyDependencies: Record<string, string[]> = {};
        const fromOutputValues = outputValueDependencies(reg.object);
        for (const [key, urns] of Object.entries({ ...fromOutputValues, ...reg.propertyDependencies })) {
            if (urns.length > 0) propertyDependencies[key] = urns;
        }
        const viaProperty = new Set(Object.values(propertyDependencies).flat());
        const provider = isProviderType(reg.type) ? this.providers.get(urn) : providerUrn ? this.providers.get(providerUrn) : undefined;
        const id = reg.custom ? answer.id || UNKNOWN : undefined;
        this.records.set(urn, {
            urn,
            type: reg.type,
            name: reg.name,
            parent: reg.parent || undefined,
            custom: reg.custom,
            ...(reg.remote ? { remote: true, visible: false } : {}),
            provider: providerUrn,
            account: provider?.accountId,
            layer: provider?.layer,
            id,
            inputs: decodeObject(reg.object),
            outputs: decodeObject(answer.object),
            options: {
                protect: reg.protect,
                retainOnDelete: reg.retainOnDelete,
                dependsOn: reg.dependencies.filter((d) => !viaProperty.has(d)),
                ignoreChanges: reg.ignoreChanges,
                deleteBeforeReplace: reg.deleteBeforeReplace,
            },
            propertyDependencies,
        });
    }
}
