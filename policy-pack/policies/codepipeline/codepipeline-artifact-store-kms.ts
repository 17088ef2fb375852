import { SecureDsResourcePolicy, TYPES, customerKeyProblem, list, propsOf, record, text } from "../common";

/** E10: every artifact store of a pipeline is encrypted with a customer key. */
export const codepipelineArtifactStoreKms: SecureDsResourcePolicy = {
    name: "codepipeline-artifact-store-kms",
    description: "CodePipeline artifact stores must be encrypted with a customer-managed KMS key (E10).",
    controls: ["E10"],
    remediation: 'Set artifactStores[].encryptionKey: { type: "KMS", id: <customer key ARN> }.',
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        const p = propsOf(args, TYPES.codepipelinePipeline);
        if (!p) return;
        const stores = list(p.artifactStores);
        if (stores.length === 0) {
            reportViolation(`Pipeline ${args.name} declares no artifact store (E10).`);
            return;
        }
        stores.forEach((store, i) => {
            const key = record(store?.encryptionKey);
            const where = `artifact store ${text(store?.location) ?? i}`;
            if (Object.keys(key).length === 0) {
                reportViolation(`Pipeline ${args.name} ${where} has no encryptionKey; CodePipeline would use the AWS-managed aws/s3 key (E10).`);
                return;
            }
            if (text(key.type) !== "KMS") reportViolation(`Pipeline ${args.name} ${where} has encryptionKey type ${String(key.type)}; use KMS (E10).`);
            const problem = customerKeyProblem(() => key.id, "encryptionKey.id");
            if (problem) reportViolation(`Pipeline ${args.name} ${where} ${problem} (E10).`);
        });
    },
};
