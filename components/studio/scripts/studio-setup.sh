#!/bin/bash
# secure-ds Studio lifecycle configuration (JupyterLab and Code Editor).
#
# Rendered by components/studio/lifecycleScript.ts: the markers in double at-signs below are replaced at
# deploy time with validated values. Runs as the app user at every app start, in a VPC without an
# internet path: every AWS call goes through the platform's interface endpoints (private DNS).
#
# What it does:
#   1. reads the team's parameters from SSM Parameter Store (one call, by path);
#   2. points pip at the private CodeArtifact repository (S1), with a token that is never printed;
#   3. keeps conda off public channels (offline, or an internal channel when configured);
#   4. writes SageMaker Python SDK defaults so jobs started from notebooks run in the platform's
#      subnets and security groups with the team key (N3, E2, E3, E4) and carry the mandatory tags
#      (G1), so a plain estimator.fit() passes the guardrails. The volume key is a default like the
#      others: the SDK leaves a configured VolumeKmsKeyId out for instance types with local NVMe
#      storage (sagemaker.utils.instance_supports_kms), which SageMaker would refuse it for, and
#      the guardrails do not ask those types for one.
# A missing parameter is logged and its step skipped: a broken setup must not lock users out of
# their notebooks, and the IAM guardrails still deny non-compliant jobs.

set -euo pipefail
# Never trace: the CodeArtifact token passes through this shell.
set +x

readonly PARAMETER_PATH="@@PARAMETER_PATH@@"
readonly REGION="@@REGION@@"
readonly CONDA_CHANNEL_URL="@@CONDA_CHANNEL_URL@@"
readonly APP_KIND="@@APP_KIND@@"

export AWS_DEFAULT_REGION="${REGION}"
export AWS_RETRY_MODE=standard
export AWS_MAX_ATTEMPTS=5

log() {
    printf 'secure-ds %s setup: %s\n' "${APP_KIND}" "$*" >&2
}

# Values that end up in config files must be plain identifiers, ARNs, names or URLs.
safe() {
    [[ "$1" =~ ^[A-Za-z0-9:/._,@+=-]+$ ]]
}

umask 077

# The files belong in the app user's home. When the script runs as root (root images, 0/0), the
# home of the SageMaker Distribution user is the target and the files are handed to its owner.
target_home="${HOME}"
owner=""
if [[ "$(id -u)" -eq 0 && -d /home/sagemaker-user ]]; then
    target_home=/home/sagemaker-user
    owner="$(stat -c '%u:%g' /home/sagemaker-user)"
fi
handover() {
    if [[ -n "${owner}" ]]; then
        chown -R "${owner}" "$@"
    fi
}

# 1. Team parameters ------------------------------------------------------------------------
params=""
if ! params="$(aws ssm get-parameters-by-path --path "${PARAMETER_PATH}" --recursive \
    --query 'Parameters[].[Name,Value]' --output text)"; then
    log "cannot read SSM parameters under ${PARAMETER_PATH}; skipping setup"
    exit 0
fi

# param NAME: the value of ${PARAMETER_PATH}/NAME, or nothing.
param() {
    local value
    value="$(printf '%s\n' "${params}" | awk -F '\t' -v name="${PARAMETER_PATH%/}/$1" '$1 == name && !found { print $2; found = 1 }')"
    if [[ -n "${value}" ]] && ! safe "${value}"; then
        log "parameter $1 has unexpected characters; ignored"
        value=""
    fi
    printf '%s' "${value}"
}

# yaml_tags "k=v,k2=v2": [{'Key': 'k', 'Value': 'v'}, {'Key': 'k2', 'Value': 'v2'}]
yaml_tags() {
    local out="" item
    local IFS=','
    for item in $1; do
        out="${out:+${out}, }{'Key': '${item%%=*}', 'Value': '${item#*=}'}"
    done
    printf '[%s]' "${out}"
}

# yaml_list "a,b": ['a', 'b']
yaml_list() {
    local out="" item
    local IFS=','
    for item in $1; do
        out="${out:+${out}, }'${item}'"
    done
    printf '[%s]' "${out}"
}

kms_key_arn="$(param kms-key-arn)"
subnet_ids="$(param subnet-ids)"
security_group_ids="$(param security-group-ids)"
outputs_bucket="$(param buckets/outputs)"
repository_url="$(param codeartifact-endpoint)"
sdk_tags="$(param sdk-tags)"
repository_url="${repository_url%/}"

# 2. pip -> private CodeArtifact repository -------------------------------------------------
# The repository endpoint names domain, owner, region and repository:
#   https://<domain>-<owner>.d.codeartifact.<region>.amazonaws.com/pypi/<repository>/
# Its host resolves to the codeartifact.repositories interface endpoint, and the token call goes
# to codeartifact.<region>.amazonaws.com, the codeartifact.api endpoint (private DNS: pip resolves the repository host through it).
endpoint_pattern='^https://([a-z0-9-]+)-([0-9]{12})\.d\.codeartifact\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?/pypi/([A-Za-z0-9._-]+)$'
if [[ "${repository_url}" =~ ${endpoint_pattern} ]]; then
    ca_domain="${BASH_REMATCH[1]}"
    ca_owner="${BASH_REMATCH[2]}"
    ca_region="${BASH_REMATCH[3]}"
    ca_suffix="${BASH_REMATCH[4]}"
    token=""
    if token="$(aws codeartifact get-authorization-token --region "${ca_region}" \
        --endpoint-url "https://codeartifact.${ca_region}.amazonaws.com${ca_suffix}" \
        --domain "${ca_domain}" --domain-owner "${ca_owner}" --duration-seconds 43200 \
        --query authorizationToken --output text)"; then
        mkdir -p "${target_home}/.config/pip"
        # Written with printf to a file readable only by the user; the token is never echoed.
        printf '[global]\nindex-url = https://aws:%s@%ssimple/\n' "${token}" "${repository_url#https://}/" \
            >"${target_home}/.config/pip/pip.conf"
        handover "${target_home}/.config/pip"
        log "pip uses the approved CodeArtifact repository (token valid 12 hours; restart the app to renew)"
    else
        log "cannot get a CodeArtifact token through the VPC endpoint; pip is not configured"
    fi
    unset token
else
    log "no usable codeartifact-endpoint parameter; pip is not configured"
fi

# 3. conda: never the public channels -------------------------------------------------------
if [[ -n "${CONDA_CHANNEL_URL}" ]]; then
    printf 'channels:\n  - %s\ndefault_channels:\n  - %s\nchannel_priority: strict\n' \
        "${CONDA_CHANNEL_URL}" "${CONDA_CHANNEL_URL}" >"${target_home}/.condarc"
else
    # CodeArtifact has no conda format: conda stays offline and packages come through pip.
    printf 'offline: true\nchannels: []\n' >"${target_home}/.condarc"
fi
handover "${target_home}/.condarc"

# 4. SageMaker Python SDK defaults ----------------------------------------------------------
if [[ -n "${kms_key_arn}" && -n "${subnet_ids}" && -n "${security_group_ids}" ]]; then
    subnets="$(yaml_list "${subnet_ids}")"
    groups="$(yaml_list "${security_group_ids}")"
    # tags RESOURCE-INDENT: the mandatory tags (G1) under one resource type, when the team sets them.
    tags() {
        if [[ -n "${sdk_tags}" ]]; then
            printf '%sTags: %s\n' "$1" "$(yaml_tags "${sdk_tags}")"
        fi
    }
    mkdir -p "${target_home}/.config/sagemaker"
    {
        printf "SchemaVersion: '1.0'\n"
        printf 'SageMaker:\n'
        if [[ -n "${outputs_bucket}" ]]; then
            printf '  PythonSDK:\n    Modules:\n      Session:\n'
            printf "        DefaultS3Bucket: '%s'\n" "${outputs_bucket}"
        fi
        printf '  TrainingJob:\n'
        printf '    EnableInterContainerTrafficEncryption: true\n'
        printf '    VpcConfig:\n      SecurityGroupIds: %s\n      Subnets: %s\n' "${groups}" "${subnets}"
        printf "    OutputDataConfig:\n      KmsKeyId: '%s'\n" "${kms_key_arn}"
        printf "    ResourceConfig:\n      VolumeKmsKeyId: '%s'\n" "${kms_key_arn}"
        tags '    '
        printf '  ProcessingJob:\n'
        printf '    NetworkConfig:\n      EnableInterContainerTrafficEncryption: true\n'
        printf '      VpcConfig:\n        SecurityGroupIds: %s\n        Subnets: %s\n' "${groups}" "${subnets}"
        printf "    ProcessingOutputConfig:\n      KmsKeyId: '%s'\n" "${kms_key_arn}"
        printf "    ProcessingResources:\n      ClusterConfig:\n        VolumeKmsKeyId: '%s'\n" "${kms_key_arn}"
        tags '    '
        printf '  Model:\n'
        printf '    VpcConfig:\n      SecurityGroupIds: %s\n      Subnets: %s\n' "${groups}" "${subnets}"
        tags '    '
        printf "  EndpointConfig:\n    KmsKeyId: '%s'\n" "${kms_key_arn}"
        tags '    '
        printf '  TransformJob:\n'
        printf "    TransformOutput:\n      KmsKeyId: '%s'\n" "${kms_key_arn}"
        printf "    TransformResources:\n      VolumeKmsKeyId: '%s'\n" "${kms_key_arn}"
        tags '    '
        printf '  AutoMLJob:\n    AutoMLJobConfig:\n      SecurityConfig:\n'
        printf '        EnableInterContainerTrafficEncryption: true\n'
        printf "        VolumeKmsKeyId: '%s'\n" "${kms_key_arn}"
        printf '        VpcConfig:\n          SecurityGroupIds: %s\n          Subnets: %s\n' "${groups}" "${subnets}"
        printf "    OutputDataConfig:\n      KmsKeyId: '%s'\n" "${kms_key_arn}"
        tags '    '
    } >"${target_home}/.config/sagemaker/config.yaml"
    handover "${target_home}/.config/sagemaker"
    log "SageMaker SDK defaults written to ~/.config/sagemaker/config.yaml"
else
    log "kms-key-arn, subnet-ids or security-group-ids parameter missing; SDK defaults not written"
fi

exit 0
