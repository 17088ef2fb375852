/** IAM roles, policies and inline policies. */
import { IAM_NAME, IAM_NAME_CHARS, LATIN1_TEXT, LATIN1_TEXT_CHARS, length, pattern, range } from "./rule";
import { ContractRule } from "./types";

const CREATE_ROLE = "https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html";
const CREATE_POLICY = "https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreatePolicy.html";
const PUT_ROLE_POLICY = "https://docs.aws.amazon.com/IAM/latest/APIReference/API_PutRolePolicy.html";
const CREATE_SLR = "https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateServiceLinkedRole.html";

/** `/` or `/a/b/`: printable ASCII between slashes. */
const IAM_PATH = /^(\/|\/[\u0021-\u007E]+\/)$/;
const IAM_PATH_SHAPE = "a path that starts and ends with / and holds printable ASCII only";

const ROLE = "aws:iam/role:Role";
const POLICY = "aws:iam/policy:Policy";
const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
const SLR = "aws:iam/serviceLinkedRole:ServiceLinkedRole";

export const IAM_RULES: readonly ContractRule[] = [
    length({ type: ROLE, path: "name", field: "CreateRole RoleName", source: CREATE_ROLE }, 64, 1),
    pattern({ type: ROLE, path: "name", field: "CreateRole RoleName", source: CREATE_ROLE }, IAM_NAME, IAM_NAME_CHARS),
    length({ type: ROLE, path: "path", field: "CreateRole Path", source: CREATE_ROLE }, 512, 1),
    pattern({ type: ROLE, path: "path", field: "CreateRole Path", source: CREATE_ROLE }, IAM_PATH, IAM_PATH_SHAPE),
    length({ type: ROLE, path: "description", field: "CreateRole Description", source: CREATE_ROLE }, 1000),
    pattern({ type: ROLE, path: "description", field: "CreateRole Description", source: CREATE_ROLE }, LATIN1_TEXT, LATIN1_TEXT_CHARS),
    range({ type: ROLE, path: "maxSessionDuration", field: "CreateRole MaxSessionDuration", source: CREATE_ROLE }, 3600, 43200),
    length({ type: POLICY, path: "name", field: "CreatePolicy PolicyName", source: CREATE_POLICY }, 128, 1),
    pattern({ type: POLICY, path: "name", field: "CreatePolicy PolicyName", source: CREATE_POLICY }, IAM_NAME, IAM_NAME_CHARS),
    length({ type: POLICY, path: "path", field: "CreatePolicy Path", source: CREATE_POLICY }, 512, 1),
    pattern({ type: POLICY, path: "path", field: "CreatePolicy Path", source: CREATE_POLICY }, IAM_PATH, IAM_PATH_SHAPE),
    length({ type: POLICY, path: "description", field: "CreatePolicy Description", source: CREATE_POLICY }, 1000),
    length({ type: ROLE_POLICY, path: "name", field: "PutRolePolicy PolicyName", source: PUT_ROLE_POLICY }, 128, 1),
    pattern({ type: ROLE_POLICY, path: "name", field: "PutRolePolicy PolicyName", source: PUT_ROLE_POLICY }, IAM_NAME, IAM_NAME_CHARS),
    length({ type: SLR, path: "description", field: "CreateServiceLinkedRole Description", source: CREATE_SLR }, 1000),
    pattern({ type: SLR, path: "description", field: "CreateServiceLinkedRole Description", source: CREATE_SLR }, LATIN1_TEXT, LATIN1_TEXT_CHARS),
];
