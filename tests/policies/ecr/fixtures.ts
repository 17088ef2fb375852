/** A hardened ECR repository, as PackageMirror builds it; cases override one property. */
import { ResourceCase } from "../../harness/policyArgs";
import { KEY } from "../fixtures";

export const REPOSITORY = "aws:ecr/repository:Repository";

export const ecr = (props: Record<string, unknown>): ResourceCase => ({
    type: REPOSITORY,
    props: {
        name: "r",
        imageTagMutability: "IMMUTABLE",
        imageScanningConfiguration: { scanOnPush: true },
        encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: KEY }],
        ...props,
    },
});
