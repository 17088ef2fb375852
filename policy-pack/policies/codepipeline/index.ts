/** CodePipeline pipelines. One rule per file, named after its policy. */
import { SecureDsPolicy } from "../common";
import { codepipelineArtifactStoreKms } from "./codepipeline-artifact-store-kms";

export const rules: SecureDsPolicy[] = [codepipelineArtifactStoreKms];
