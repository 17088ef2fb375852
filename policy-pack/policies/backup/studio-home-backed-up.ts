import { SecureDsStackPolicy, TYPES, dependenciesOf, list, ofType, propsOf, references } from "../common";

/**
 * G9: every Studio domain's home EFS is in an AWS Backup selection of a backup plan of the stack
 * with at least one rule. The selection names the EFS by the domain's output, so it depends on
 * the domain (property dependency `resources`).
 */
export const studioHomeBackedUp: SecureDsStackPolicy = {
    name: "studio-home-backed-up",
    description:
        "Every SageMaker Studio domain's home EFS must be selected (aws:backup/selection) into a backup plan of the stack that has at least one rule (G9).",
    controls: ["G9"],
    remediation: "Enable StudioHomeBackup (studio.backup), which selects each domain's home EFS into the daily plan.",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        const selections = ofType(args.resources, TYPES.backupSelection);
        const plans = ofType(args.resources, TYPES.backupPlan);
        for (const domain of ofType(args.resources, TYPES.sagemakerDomain)) {
            const mine = selections.filter((s) => dependenciesOf(s, "resources").some((d) => d.urn === domain.urn));
            if (mine.length === 0) {
                reportViolation(`Studio domain ${domain.name}: its home EFS is in no AWS Backup selection (G9).`, domain.urn);
                continue;
            }
            const planned = mine.some((s) => plans.some((p) => references(s, "planId", p) && list(propsOf(p, TYPES.backupPlan)?.rules).length > 0));
            if (!planned)
                reportViolation(`Studio domain ${domain.name}: its backup selection belongs to no backup plan of the stack with rules (G9).`, mine[0].urn);
        }
    },
};
