import { IamStatement, SecureDsResourcePolicy, TYPES, knownOrDefer, propsOf, record, statementCovers, statementsOf, strings } from "../common";

/** Bucket and access-point settings no team role may change (I3): whoever holds them can hand the data out or stop the logs. */
const STORAGE_SETTINGS = [
    "s3:PutBucketPolicy",
    "s3:DeleteBucketPolicy",
    "s3:PutBucketLogging",
    "s3:PutBucketAcl",
    "s3:PutAccessPointPolicy",
    "s3:PutReplicationConfiguration",
];

/** Keys of the condition blocks with one of the operators. */
function conditionKeys(s: IamStatement, operators: string[]): string[] {
    return Object.entries(record(s.Condition))
        .filter(([op]) => operators.includes(op))
        .flatMap(([, block]) => Object.keys(record(block)).map((k) => k.toLowerCase()));
}

/** What a team permission boundary must say; each missing item is one sentence. */
function missingDenies(statements: IamStatement[]): string[] {
    const denies = statements.filter((s) => s.Effect === "Deny");
    const missing: string[] = [];
    // I1, N8: presigned URLs and sessions only for one role (the scientist's), never for everyone the boundary caps.
    if (
        !denies.some(
            (s) => statementCovers(s, "sagemaker:CreatePresignedDomainUrl") && conditionKeys(s, ["ArnNotLike", "ArnNotEquals"]).includes("aws:principalarn"),
        )
    )
        missing.push("a Deny of sagemaker:CreatePresignedDomainUrl for every principal but the scientist role (ArnNotLike aws:PrincipalArn)");
    // I1, I2: the studiouserid tag of a profile decides who opens it.
    if (
        !denies.some(
            (s) =>
                statementCovers(s, "sagemaker:AddTags") &&
                strings(s.Resource).some((r) => r.includes(":user-profile/") || r === "*") &&
                s.Condition === undefined,
        )
    )
        missing.push("an unconditional Deny of sagemaker:AddTags on user profiles");
    // G2: Studio apps on the Studio allow-list, for roles that carry no guardrail policy.
    if (
        !denies.some(
            (s) =>
                statementCovers(s, "sagemaker:CreateApp") &&
                conditionKeys(s, ["ForAnyValue:StringNotLike", "ForAnyValue:StringNotEquals"]).includes("sagemaker:instancetypes"),
        )
    )
        missing.push("a Deny of sagemaker:CreateApp on instance types off the allow-list (sagemaker:InstanceTypes)");
    const settings = STORAGE_SETTINGS.filter((a) => statements.some((s) => s.Effect === "Allow" && statementCovers(s, a)));
    if (settings.length > 0) missing.push(`no Allow of bucket or access-point settings (it allows ${settings.join(", ")})`);
    return missing;
}

/**
 * I3, I1, G2: the permission boundary of a team (an aws:iam/policy tagged `team` whose name ends in
 * `-boundary`, as TeamEnvironment names it) caps every role the team admin creates, so it must
 * carry what those roles' own policies cannot be trusted to: sessions only for the scientist role,
 * no re-tagging of user profiles, the Studio instance-type allow-list, and no bucket settings.
 */
export const teamBoundaryDenies: SecureDsResourcePolicy = {
    name: "team-boundary-denies",
    description:
        "A team's permission boundary must deny presigned URLs to every role but the scientist role, deny tag changes on user profiles, deny Studio apps off the instance-type allow-list, and allow no bucket or access-point settings (I1, I3, G2). Deferred to `pulumi up` when the document embeds ARNs unknown in a preview.",
    controls: ["I1", "I3", "G2"],
    remediation:
        "Build the boundary with teamPermissionBoundary() (components/guardrails/teamBoundary.ts): DenySessionsExceptScientistRole, DenyUserProfileTagChanges, DenyAppInstanceTypesOffAllowList and the TeamStorageCap allow-list.",
    enforcementLevel: "mandatory",
    previewDeferral: "The boundary names the team's roles, buckets and key, which are unknown in a preview when the stack creates them.",
    validateResource: (args, reportViolation) => {
        const p = propsOf(args, TYPES.iamPolicy);
        if (!p) return;
        const tags = record(knownOrDefer(() => p.tags, `${args.name}.tags`));
        const name = knownOrDefer(() => p.name, `${args.name}.name`);
        if (typeof tags.team !== "string" || typeof name !== "string" || !name.endsWith("-boundary")) return;
        const statements = statementsOf(knownOrDefer(() => p.policy, `${args.name}.policy`));
        if (!statements) {
            reportViolation(`${args.name} is a team permission boundary without a readable document (I3).`);
            return;
        }
        const missing = missingDenies(statements);
        if (missing.length > 0) reportViolation(`${args.name} (team ${tags.team}) is a permission boundary without ${missing.join("; ")} (I1, I3, G2).`);
    },
};
