/**
 * Finds every IAM policy document in an offline plan (docs/plan-format.md), by resource type and
 * property name, so the catalogue check and the IAM proofs read exactly what would be deployed.
 *
 * Known carriers are listed in DOCUMENT_PROPERTIES. Any other string input that parses as a policy
 * (an object with `Statement`) is collected too, as a generic resource policy: a new component
 * that emits a document the table does not know is still checked, never silently skipped.
 */
import type { PlanResource } from "../../plan/types";
import { DocumentKind, IamDocument } from "./lint";

/** Resource type → property → kind. Property paths with `[]` descend into lists of objects. */
export const DOCUMENT_PROPERTIES: Record<string, Record<string, DocumentKind>> = {
    "aws:iam/role:Role": { assumeRolePolicy: "trust", "inlinePolicies[].policy": "inline" },
    "aws:iam/rolePolicy:RolePolicy": { policy: "inline" },
    "aws:iam/userPolicy:UserPolicy": { policy: "inline" },
    "aws:iam/groupPolicy:GroupPolicy": { policy: "inline" },
    "aws:iam/policy:Policy": { policy: "managed" },
    // A permission set's inline policy becomes an identity policy of the role Identity Center
    // provisions in each account, so it is judged as an inline identity policy (the stricter limit).
    "aws:ssoadmin/permissionSetInlinePolicy:PermissionSetInlinePolicy": { inlinePolicy: "inline" },
    "aws:organizations/policy:Policy": { content: "scp" },
    "aws:s3/bucketPolicy:BucketPolicy": { policy: "s3-bucket" },
    "aws:s3/bucketV2:BucketV2": { policy: "s3-bucket" },
    "aws:s3/bucket:Bucket": { policy: "s3-bucket" },
    "aws:kms/key:Key": { policy: "kms-key" },
    "aws:kms/keyPolicy:KeyPolicy": { policy: "kms-key" },
    "aws:kms/replicaKey:ReplicaKey": { policy: "kms-key" },
    "aws:ec2/vpcEndpoint:VpcEndpoint": { policy: "vpc-endpoint" },
    "aws:ec2/vpcEndpointPolicy:VpcEndpointPolicy": { policy: "vpc-endpoint" },
    "aws:ecr/repositoryPolicy:RepositoryPolicy": { policy: "ecr-repository" },
    "aws:ecr/registryPolicy:RegistryPolicy": { policy: "resource" },
    "aws:codeartifact/domainPermissions:DomainPermissions": { policyDocument: "codeartifact" },
    "aws:codeartifact/repositoryPermissionsPolicy:RepositoryPermissionsPolicy": { policyDocument: "codeartifact" },
    "aws:sns/topic:Topic": { policy: "sns-topic" },
    "aws:sns/topicPolicy:TopicPolicy": { policy: "sns-topic" },
    "aws:sqs/queue:Queue": { policy: "sqs-queue" },
    "aws:sqs/queuePolicy:QueuePolicy": { policy: "sqs-queue" },
    "aws:secretsmanager/secretPolicy:SecretPolicy": { policy: "secret" },
    "aws:cloudwatch/logResourcePolicy:LogResourcePolicy": { policyDocument: "resource" },
    "aws:cloudwatch/eventBusPolicy:EventBusPolicy": { policy: "resource" },
    "aws:efs/fileSystemPolicy:FileSystemPolicy": { policy: "resource" },
    "aws:backup/vaultPolicy:VaultPolicy": { policy: "resource" },
    "aws:glacier/vault:Vault": { accessPolicy: "resource" },
};

/** A collected document plus where it came from. */
export interface PlanDocument extends IamDocument {
    resourceType: string;
    resourceName: string;
    /** Property path, e.g. `assumeRolePolicy` or `inlinePolicies[0].policy`. */
    property: string;
    /** Account the resource is deployed into. */
    account?: string;
    /** For SCPs/RCPs: the organizations policy type. */
    policyType?: string;
}

function looksLikePolicy(value: unknown): value is string {
    if (typeof value !== "string" || !value.includes("Statement")) return false;
    try {
        const parsed: unknown = JSON.parse(value);
        return typeof parsed === "object" && parsed !== null && "Statement" in parsed;
    } catch {
        return false;
    }
}

/** Name of the role an inline policy belongs to (the aggregate size limit is per role). */
function ownerOf(r: PlanResource, byRoleRef: Map<string, string>): string | undefined {
    const ref = r.inputs.role ?? r.inputs.user ?? r.inputs.group;
    if (typeof ref !== "string") return undefined;
    return byRoleRef.get(ref) ?? ref;
}

/**
 * Collects the documents of a plan's resources. Organization policies of non-IAM grammar (tag,
 * backup, AI opt-out policies) are skipped; SCPs and RCPs are kept with their policy type.
 */
export function collectDocuments(resources: PlanResource[]): PlanDocument[] {
    const docs: PlanDocument[] = [];
    // Roles are referenced by name or id from inline policy resources: map both to the role's label.
    const byRoleRef = new Map<string, string>();
    for (const r of resources) {
        if (r.type !== "aws:iam/role:Role") continue;
        for (const v of [r.inputs.name, r.outputs.name, r.outputs.id, r.id]) if (typeof v === "string" && v) byRoleRef.set(v, `role ${r.name}`);
    }
    for (const r of resources) {
        if (!r.custom) continue;
        const known = DOCUMENT_PROPERTIES[r.type] ?? {};
        const seen = new Set<string>();
        const add = (property: string, raw: string, kind: DocumentKind) => {
            seen.add(property);
            const doc: PlanDocument = {
                label: `${r.type} ${r.name} (${property})`,
                kind,
                raw,
                urn: r.urn,
                resourceType: r.type,
                resourceName: r.name,
                property,
                account: r.account,
            };
            if (kind === "inline") {
                doc.aggregateKey = r.type === "aws:iam/role:Role" ? `role ${r.name}` : (ownerOf(r, byRoleRef) ?? `${r.type} ${r.name}`);
            }
            docs.push(doc);
        };
        for (const [property, kind] of Object.entries(known)) {
            if (property.includes("[]")) {
                const [list, field] = property.split("[].");
                const items = r.inputs[list];
                if (!Array.isArray(items)) continue;
                items.forEach((item: unknown, i: number) => {
                    const v = (item as Record<string, unknown> | null)?.[field];
                    if (typeof v === "string" && v) add(`${list}[${i}].${field}`, v, kind);
                });
                seen.add(list);
                continue;
            }
            const v = r.inputs[property];
            if (typeof v !== "string" || v === "") continue;
            if (r.type === "aws:organizations/policy:Policy") {
                const type = (r.inputs.type as string | undefined) ?? "SERVICE_CONTROL_POLICY";
                if (type !== "SERVICE_CONTROL_POLICY" && type !== "RESOURCE_CONTROL_POLICY") {
                    seen.add(property);
                    continue;
                }
                add(property, v, type === "RESOURCE_CONTROL_POLICY" ? "rcp" : "scp");
                docs[docs.length - 1].policyType = type;
                continue;
            }
            add(property, v, kind);
        }
        // Catch-all: any other top-level string input that is a policy document.
        for (const [property, v] of Object.entries(r.inputs)) {
            if (seen.has(property)) continue;
            if (looksLikePolicy(v)) add(property, v, "resource");
        }
    }
    return docs;
}
