/** Reusable field validators for the platform config. Messages complete "<found> ..." sentences. */
import { Validator } from "ip-num";
import { z } from "zod";

export const accountId = z.string().regex(/^\d{12}$/, { message: "is not a 12-digit AWS account id (quote it in YAML so leading zeros survive)" });

export const roleArnSchema = z.string().regex(/^arn:aws(-cn|-us-gov)?:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/, {
    message: "is not an IAM role ARN (arn:<partition>:iam::<12-digit account>:role/<name>)",
});

/** An IPv4 network in CIDR notation whose address is the start of the range (no host bits). */
export const ipv4Cidr = z.string().superRefine((value, ctx) => {
    const [isNotation] = Validator.isValidIPv4CidrNotation(value);
    if (!isNotation) {
        ctx.addIssue({ code: "custom", message: "is not an IPv4 CIDR block such as 10.20.0.0/16", input: value });
        return;
    }
    const [isRange] = Validator.isValidIPv4CidrRange(value);
    if (!isRange) {
        ctx.addIssue({
            code: "custom",
            message: "has host bits set; use the network address of the block (e.g. 10.20.0.0/16, not 10.20.0.1/16)",
            input: value,
        });
    }
});

/** Lower-case DNS-style names, safe inside S3 bucket names, IAM role names and SageMaker names. */
export function dnsName(maxLength: number, what: string) {
    return z
        .string()
        .regex(/^[a-z][a-z0-9-]*[a-z0-9]$/, {
            message: `is not a valid ${what}: use lower-case letters, digits and hyphens, starting with a letter and not ending with a hyphen`,
        })
        .max(maxLength, { message: `is longer than ${maxLength} characters, the limit for a ${what} (names are prefixed and must fit S3 and IAM limits)` })
        .min(2, { message: `is shorter than 2 characters, the minimum for a ${what}` });
}

export const emailAddress = z.email({ message: "is not an e-mail address" });

export const positiveInt = (what: string) =>
    z
        .number()
        .int({ message: `is not a whole number of ${what}` })
        .positive({ message: `must be a positive number of ${what}` });
