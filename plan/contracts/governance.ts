/**
 * Governance and operations: AWS Config, CloudTrail, budgets, AWS Backup, Organizations,
 * IAM Identity Center, Systems Manager parameters.
 */
import { IAM_NAME, IAM_NAME_CHARS, LATIN1_TEXT, LATIN1_TEXT_CHARS, forbidden, length, oneOf, pattern } from "./rule";
import { ContractRule } from "./types";

const CONFIG_RULE = "https://docs.aws.amazon.com/config/latest/APIReference/API_ConfigRule.html";
const CONFIG_RECORDER = "https://docs.aws.amazon.com/config/latest/APIReference/API_ConfigurationRecorder.html";
const DELIVERY_CHANNEL = "https://docs.aws.amazon.com/config/latest/APIReference/API_DeliveryChannel.html";
const CREATE_TRAIL = "https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_CreateTrail.html";
const BUDGET = "https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_budgets_Budget.html";
const BACKUP_VAULT = "https://docs.aws.amazon.com/aws-backup/latest/devguide/API_CreateBackupVault.html";
const BACKUP_PLAN = "https://docs.aws.amazon.com/aws-backup/latest/devguide/API_BackupPlanInput.html";
const BACKUP_RULE = "https://docs.aws.amazon.com/aws-backup/latest/devguide/API_BackupRuleInput.html";
const BACKUP_SELECTION = "https://docs.aws.amazon.com/aws-backup/latest/devguide/API_BackupSelection.html";
const ORG_POLICY = "https://docs.aws.amazon.com/organizations/latest/APIReference/API_CreatePolicy.html";
const ORG_UNIT = "https://docs.aws.amazon.com/organizations/latest/APIReference/API_CreateOrganizationalUnit.html";
const PERMISSION_SET = "https://docs.aws.amazon.com/singlesignon/latest/APIReference/API_CreatePermissionSet.html";
const PUT_PARAMETER = "https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_PutParameter.html";

const CFG_RULE = "aws:cfg/rule:Rule";
const TRAIL = "aws:cloudtrail/trail:Trail";
const VAULT = "aws:backup/vault:Vault";
const PLAN = "aws:backup/plan:Plan";
const SELECTION = "aws:backup/selection:Selection";
const ORG_POL = "aws:organizations/policy:Policy";
const SET = "aws:ssoadmin/permissionSet:PermissionSet";
const PARAMETER = "aws:ssm/parameter:Parameter";
const BACKUP_NAME = /^[a-zA-Z0-9\-_.]{1,50}$/;
const BACKUP_NAME_CHARS = "1 to 50 letters, digits and -_.";

export const GOVERNANCE_RULES: readonly ContractRule[] = [
    length({ type: CFG_RULE, path: "name", field: "ConfigRule ConfigRuleName", source: CONFIG_RULE }, 128, 1),
    pattern({ type: CFG_RULE, path: "name", field: "ConfigRule ConfigRuleName", source: CONFIG_RULE }, /\S/, "a name that is not blank"),
    length({ type: CFG_RULE, path: "description", field: "ConfigRule Description", source: CONFIG_RULE }, 256),
    length({ type: "aws:cfg/recorder:Recorder", path: "name", field: "ConfigurationRecorder name", source: CONFIG_RECORDER }, 256, 1),
    length({ type: "aws:cfg/deliveryChannel:DeliveryChannel", path: "name", field: "DeliveryChannel name", source: DELIVERY_CHANNEL }, 256, 1),
    length({ type: TRAIL, path: "name", field: "CreateTrail Name", source: CREATE_TRAIL }, 128, 3),
    pattern(
        { type: TRAIL, path: "name", field: "CreateTrail Name", source: CREATE_TRAIL },
        /^[a-zA-Z0-9][a-zA-Z0-9._-]*[a-zA-Z0-9]$/,
        "letters, digits and ._-, starting and ending with a letter or digit",
    ),
    forbidden({ type: TRAIL, path: "name", field: "CreateTrail Name", source: CREATE_TRAIL }, /[._-]{2}/, "no adjacent periods, underscores or dashes"),
    length({ type: "aws:budgets/budget:Budget", path: "name", field: "Budget BudgetName", source: BUDGET }, 100, 1),
    pattern({ type: "aws:budgets/budget:Budget", path: "name", field: "Budget BudgetName", source: BUDGET }, /^[^:\\]+$/, 'a name without ":" or "\\"'),
    pattern(
        { type: VAULT, path: "name", field: "CreateBackupVault BackupVaultName", source: BACKUP_VAULT },
        /^[a-zA-Z0-9\-_]{2,50}$/,
        "2 to 50 letters, digits, hyphens and underscores",
    ),
    pattern({ type: PLAN, path: "name", field: "BackupPlanInput BackupPlanName", source: BACKUP_PLAN }, BACKUP_NAME, BACKUP_NAME_CHARS),
    pattern({ type: PLAN, path: "rules.[].ruleName", field: "BackupRuleInput RuleName", source: BACKUP_RULE }, BACKUP_NAME, BACKUP_NAME_CHARS),
    pattern({ type: SELECTION, path: "name", field: "BackupSelection SelectionName", source: BACKUP_SELECTION }, BACKUP_NAME, BACKUP_NAME_CHARS),
    length({ type: ORG_POL, path: "name", field: "CreatePolicy Name", source: ORG_POLICY }, 128, 1),
    length({ type: ORG_POL, path: "description", field: "CreatePolicy Description", source: ORG_POLICY }, 512),
    length({ type: "aws:organizations/organizationalUnit:OrganizationalUnit", path: "name", field: "CreateOrganizationalUnit Name", source: ORG_UNIT }, 128, 1),
    length({ type: SET, path: "name", field: "CreatePermissionSet Name", source: PERMISSION_SET }, 32, 1),
    pattern({ type: SET, path: "name", field: "CreatePermissionSet Name", source: PERMISSION_SET }, IAM_NAME, IAM_NAME_CHARS),
    length({ type: SET, path: "description", field: "CreatePermissionSet Description", source: PERMISSION_SET }, 700, 1),
    pattern({ type: SET, path: "description", field: "CreatePermissionSet Description", source: PERMISSION_SET }, LATIN1_TEXT, LATIN1_TEXT_CHARS),
    pattern(
        { type: SET, path: "sessionDuration", field: "CreatePermissionSet SessionDuration", source: PERMISSION_SET },
        /^PT(?:([1-9]|1[0-2])H)?(?:\d+M)?$/,
        "an ISO 8601 duration from PT1H to PT12H",
    ),
    length({ type: PARAMETER, path: "name", field: "PutParameter Name", source: PUT_PARAMETER }, 2048, 1),
    pattern({ type: PARAMETER, path: "name", field: "PutParameter Name", source: PUT_PARAMETER }, /^[a-zA-Z0-9_.\-/]+$/, "letters, digits and _.-/"),
    forbidden(
        { type: PARAMETER, path: "name", field: "PutParameter Name", source: PUT_PARAMETER },
        /^\/?(aws|ssm)/i,
        'a name that does not start with "aws" or "ssm"',
    ),
    length({ type: PARAMETER, path: "description", field: "PutParameter Description", source: PUT_PARAMETER }, 1024),
    oneOf({ type: PARAMETER, path: "type", field: "PutParameter Type", source: PUT_PARAMETER }, ["String", "StringList", "SecureString"]),
    oneOf({ type: PARAMETER, path: "tier", field: "PutParameter Tier", source: PUT_PARAMETER }, ["Standard", "Advanced", "Intelligent-Tiering"]),
];
