/**
 * Tags, on every AWS resource and in the provider's default tags. The character set is the one
 * common to all services: a tag EC2 would take may still be refused by SageMaker or IAM, and the
 * same mandatory tags go on both.
 */
import { forbidden, length, pattern } from "./rule";
import { ContractRule } from "./types";

const TAGGING = "https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html";
const TAG_API = "https://docs.aws.amazon.com/resourcegroupstagging/latest/APIReference/API_Tag.html";

const TAG_KEY = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$/u;
const TAG_VALUE = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
const TAG_CHARS = "letters, digits, spaces and _.:/=+-@";

function tagRules(type: string, tagsPath: string): ContractRule[] {
    const key = { type, path: `${tagsPath}.{key}`, field: "Tag Key" };
    const value = { type, path: `${tagsPath}.{value}`, field: "Tag Value" };
    return [
        length({ ...key, source: TAG_API }, 128, 1),
        pattern({ ...key, source: TAGGING }, TAG_KEY, TAG_CHARS),
        forbidden({ ...key, source: TAGGING }, /^aws:/i, 'a key that does not start with "aws:" (reserved for AWS)'),
        length({ ...value, source: TAG_API }, 256),
        pattern({ ...value, source: TAGGING }, TAG_VALUE, TAG_CHARS),
    ];
}

export const TAG_RULES: readonly ContractRule[] = [...tagRules("*", "tags"), ...tagRules("pulumi:providers:aws", "defaultTags.(json).tags")];
