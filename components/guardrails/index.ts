export * from "./document";
export * from "./arns";
export * from "./kmsKeyPolicy";
export * from "./sagemaker";
export * from "./s3";
