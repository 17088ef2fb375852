import { SecureDsPolicy } from "../types";
import { studioDomainDockerDisabled } from "./domainDockerDisabled";
import { studioDomainHomeRetention } from "./domainHomeRetention";
import { studioDomainIdentityConfig } from "./domainIdentityConfig";
import { studioDomainIdleShutdown } from "./domainIdleShutdown";
import { studioDomainSecurityGroups } from "./domainSecurityGroups";
import { studioSharingEncrypted } from "./domainSharingEncrypted";
import { studioUserProfileSecurityGroupPerUser } from "./userProfileSecurityGroupPerUser";
import { studioUserProfileTag } from "./userProfileStudioUserTag";

/** Studio rules beyond N1/E1 (policies/sagemaker): G9, I5, N2, G7, E5, I7, I2, N9. */
export const studioPolicies: SecureDsPolicy[] = [
    studioDomainHomeRetention,
    studioDomainIdentityConfig,
    studioDomainSecurityGroups,
    studioDomainIdleShutdown,
    studioSharingEncrypted,
    studioDomainDockerDisabled,
    studioUserProfileTag,
    studioUserProfileSecurityGroupPerUser,
];
