/** KMS keys and aliases. */
import { forbidden, length, pattern, range } from "./rule";
import { ContractRule } from "./types";

const CREATE_ALIAS = "https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html";
const CREATE_KEY = "https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateKey.html";
const SCHEDULE_DELETION = "https://docs.aws.amazon.com/kms/latest/APIReference/API_ScheduleKeyDeletion.html";
const ENABLE_ROTATION = "https://docs.aws.amazon.com/kms/latest/APIReference/API_EnableKeyRotation.html";

const ALIAS = "aws:kms/alias:Alias";
const KEY = "aws:kms/key:Key";

export const KMS_RULES: readonly ContractRule[] = [
    length({ type: ALIAS, path: "name", field: "CreateAlias AliasName", source: CREATE_ALIAS }, 256, 1),
    pattern(
        { type: ALIAS, path: "name", field: "CreateAlias AliasName", source: CREATE_ALIAS },
        /^alias\/[a-zA-Z0-9/_-]+$/,
        '"alias/" followed by letters, digits and /_-',
    ),
    forbidden(
        { type: ALIAS, path: "name", field: "CreateAlias AliasName", source: CREATE_ALIAS },
        /^alias\/aws\//,
        'a name outside "alias/aws/" (reserved for AWS managed keys)',
    ),
    length({ type: KEY, path: "description", field: "CreateKey Description", source: CREATE_KEY }, 8192),
    range({ type: KEY, path: "deletionWindowInDays", field: "ScheduleKeyDeletion PendingWindowInDays", source: SCHEDULE_DELETION }, 7, 30),
    range({ type: KEY, path: "rotationPeriodInDays", field: "EnableKeyRotation RotationPeriodInDays", source: ENABLE_ROTATION }, 90, 2560),
];
