/** A compliant Studio domain and notebook instance; cases change one property at a time. */
import { ResourceCase } from "../../harness/policyArgs";
import { KEY } from "../fixtures";

export const DOMAIN = "aws:sagemaker/domain:Domain";
export const USER_PROFILE = "aws:sagemaker/userProfile:UserProfile";
export const NOTEBOOK = "aws:sagemaker/notebookInstance:NotebookInstance";

export const IDLE = { lifecycleManagement: "ENABLED", idleTimeoutInMinutes: 120, minIdleTimeoutInMinutes: 60, maxIdleTimeoutInMinutes: 120 };

/** A compliant domain as SecureStudioDomain builds it. */
export function domain(): Record<string, unknown> {
    return {
        appNetworkAccessType: "VpcOnly",
        kmsKeyId: KEY,
        retentionPolicy: { homeEfsFileSystem: "Retain" },
        domainSettings: {
            securityGroupIds: ["sg-domain"],
            executionRoleIdentityConfig: "USER_PROFILE_NAME",
            dockerSettings: { enableDockerAccess: "DISABLED" },
        },
        defaultUserSettings: {
            executionRole: "arn:aws:iam::111111111111:role/studio",
            securityGroups: ["sg-domain"],
            sharingSettings: { notebookOutputOption: "Disabled", s3KmsKeyId: KEY },
            jupyterLabAppSettings: { appLifecycleManagement: { idleSettings: IDLE } },
        },
        defaultSpaceSettings: {
            executionRole: "arn:aws:iam::111111111111:role/space",
            jupyterLabAppSettings: { appLifecycleManagement: { idleSettings: IDLE } },
        },
    };
}

/** The compliant domain with one change; the shape is loose on purpose (cases break it). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function mutate(fn: (d: Record<string, any>) => void): Record<string, unknown> {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const d = JSON.parse(JSON.stringify(domain())) as Record<string, any>;
    fn(d);
    return d;
}

/** A domain case named "fraud". */
export const domainCase = (props: Record<string, unknown>, config?: Record<string, unknown>): ResourceCase => ({ type: DOMAIN, name: "fraud", props, config });

/** A compliant notebook instance, with overrides. */
export const notebook = (p: Record<string, unknown>): ResourceCase => ({
    type: NOTEBOOK,
    props: { directInternetAccess: "Disabled", rootAccess: "Disabled", subnetId: "subnet-1", securityGroups: ["sg-1"], kmsKeyId: KEY, ...p },
});
