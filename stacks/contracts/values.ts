/** Value schemas shared by the contracts: what AWS identifiers look like. */
import { z } from "zod";

export const accountIdValue = z.string().regex(/^\d{12}$/, { message: "is not a 12-digit account id" });
export const kmsKeyArnValue = z.string().regex(/^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[0-9a-f-]{36}$/, { message: "is not a KMS key ARN" });
// S3 bucket names: 3–63 characters, lower-case letters, digits, dots and hyphens (S3 bucket naming rules).
export const bucketNameValue = z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: "is not an S3 bucket name" });
export const httpsUrlValue = z.string().regex(/^https:\/\/[^\s]+$/, { message: "is not an https URL" });
