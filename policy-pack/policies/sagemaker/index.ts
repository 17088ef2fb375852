/** SageMaker: Studio domains and user profiles, notebook instances, models and training jobs. One rule per file, named after its policy. */
import { SecureDsPolicy } from "../common";
import { sagemakerDomainKmsKey } from "./sagemaker-domain-kms-key";
import { sagemakerDomainVpcOnly } from "./sagemaker-domain-vpc-only";
import { sagemakerNotebookKms } from "./sagemaker-notebook-kms";
import { sagemakerNotebookNoDirectInternet } from "./sagemaker-notebook-no-direct-internet";
import { sagemakerRootAccessDisabled } from "./sagemaker-root-access-disabled";
import { sagemakerWorkloadNetworkIsolation } from "./sagemaker-workload-network-isolation";
import { studioDomainDockerDisabled } from "./studio-domain-docker-disabled";
import { studioDomainHomeRetention } from "./studio-domain-home-retention";
import { studioDomainIdleShutdown } from "./studio-domain-idle-shutdown";
import { studioDomainSecurityGroups } from "./studio-domain-security-groups";
import { studioDomainUserIdentity } from "./studio-domain-user-identity";
import { studioSharingEncrypted } from "./studio-sharing-encrypted";
import { studioUserProfileOwnSecurityGroup } from "./studio-user-profile-own-security-group";
import { studioUserProfileStudiouserid } from "./studio-user-profile-studiouserid";

export const rules: SecureDsPolicy[] = [
    sagemakerDomainKmsKey,
    sagemakerDomainVpcOnly,
    sagemakerNotebookKms,
    sagemakerNotebookNoDirectInternet,
    sagemakerRootAccessDisabled,
    sagemakerWorkloadNetworkIsolation,
    studioDomainDockerDisabled,
    studioDomainHomeRetention,
    studioDomainIdleShutdown,
    studioDomainSecurityGroups,
    studioDomainUserIdentity,
    studioSharingEncrypted,
    studioUserProfileOwnSecurityGroup,
    studioUserProfileStudiouserid,
];
