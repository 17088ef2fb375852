/** SageMaker Studio names: domain, user profile, space, lifecycle configuration, image. */
import { length, pattern } from "./rule";
import { ContractRule } from "./types";

const API = "https://docs.aws.amazon.com/sagemaker/latest/APIReference";
/** The name pattern of DomainName, UserProfileName, SpaceName and StudioLifecycleConfigName. */
const STUDIO_NAME = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;
const STUDIO_NAME_SHAPE = "letters, digits and hyphens, starting and ending with a letter or digit, at most 63 characters";

const studioName = (type: string, path: string, field: string, source: string): ContractRule[] => [
    length({ type, path, field, source }, 63, 1),
    pattern({ type, path, field, source }, STUDIO_NAME, STUDIO_NAME_SHAPE),
];

const IMAGE = "aws:sagemaker/image:Image";

export const SAGEMAKER_RULES: readonly ContractRule[] = [
    ...studioName("aws:sagemaker/domain:Domain", "domainName", "CreateDomain DomainName", `${API}/API_CreateDomain.html`),
    ...studioName("aws:sagemaker/userProfile:UserProfile", "userProfileName", "CreateUserProfile UserProfileName", `${API}/API_CreateUserProfile.html`),
    ...studioName("aws:sagemaker/space:Space", "spaceName", "CreateSpace SpaceName", `${API}/API_CreateSpace.html`),
    ...studioName(
        "aws:sagemaker/studioLifecycleConfig:StudioLifecycleConfig",
        "studioLifecycleConfigName",
        "CreateStudioLifecycleConfig StudioLifecycleConfigName",
        `${API}/API_CreateStudioLifecycleConfig.html`,
    ),
    length(
        {
            type: "aws:sagemaker/studioLifecycleConfig:StudioLifecycleConfig",
            path: "studioLifecycleConfigContent",
            field: "CreateStudioLifecycleConfig StudioLifecycleConfigContent",
            source: `${API}/API_CreateStudioLifecycleConfig.html`,
        },
        16384,
        1,
    ),
    length({ type: IMAGE, path: "imageName", field: "CreateImage ImageName", source: `${API}/API_CreateImage.html` }, 63, 1),
    pattern(
        { type: IMAGE, path: "imageName", field: "CreateImage ImageName", source: `${API}/API_CreateImage.html` },
        /^[a-zA-Z0-9]([-.]?[a-zA-Z0-9]){0,62}$/,
        "letters and digits, single hyphens or dots between them",
    ),
    length({ type: IMAGE, path: "displayName", field: "CreateImage DisplayName", source: `${API}/API_CreateImage.html` }, 128, 1),
    pattern(
        { type: IMAGE, path: "displayName", field: "CreateImage DisplayName", source: `${API}/API_CreateImage.html` },
        /^\S(.*\S)?$/,
        "no leading or trailing whitespace",
    ),
    length({ type: IMAGE, path: "description", field: "CreateImage Description", source: `${API}/API_CreateImage.html` }, 512, 1),
];
