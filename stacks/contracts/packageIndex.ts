/** shared-services → workload: where the teams install approved packages and pull approved images. */
import { z } from "zod";
import { Contract } from "./contract";
import { accountIdValue, httpsUrlValue } from "./values";

export const packageIndexContract: Contract<PackageIndexContract> = {
    output: "packageIndex",
    producer: "sharedServices",
    schema: z.strictObject({
        accountId: accountIdValue,
        /** CodeArtifact domain and its owner, for `aws codeartifact login`. */
        domain: z.string().min(2),
        domainOwner: accountIdValue,
        approvedRepository: z.string().min(2),
        repositoryArn: z.string().regex(/^arn:aws[a-z-]*:codeartifact:[a-z0-9-]+:\d{12}:repository\/.+$/, { message: "is not a CodeArtifact repository ARN" }),
        /** `https://<domain>-<owner>.d.codeartifact.<region>.amazonaws.com/pypi/approved/simple/` */
        pipIndexUrl: httpsUrlValue,
        imageRepositoryUrl: z.string().min(1),
    }),
};

export interface PackageIndexContract {
    accountId: string;
    domain: string;
    domainOwner: string;
    approvedRepository: string;
    repositoryArn: string;
    pipIndexUrl: string;
    imageRepositoryUrl: string;
}
