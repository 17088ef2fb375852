/**
 * Realistic ids and computed attributes per resource type: what the offline engine answers in
 * `up` mode, and (as UNKNOWN) which outputs a preview cannot know (plan/engine/outputs.ts).
 * Deterministic (hashes of type and name), so two plans of the same config are identical and a
 * plan-vs-plan diff shows only real changes.
 */
import { createHash } from "node:crypto";

export interface MockContext {
    type: string;
    name: string;
    inputs: Record<string, unknown>;
    partition: string;
    region: string;
    accountId: string;
}

export type MockOutputs = { id: string; state: Record<string, unknown> };

export function hex(seed: string, length: number): string {
    return createHash("sha256").update(seed).digest("hex").slice(0, length);
}

function uuid(seed: string): string {
    const h = hex(seed, 32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const str = (v: unknown, fallback: string): string => (typeof v === "string" && v.length > 0 ? v : fallback);

type Builder = (ctx: MockContext, seed: string) => MockOutputs;

const regionalArn = (ctx: MockContext, service: string, resource: string) => `arn:${ctx.partition}:${service}:${ctx.region}:${ctx.accountId}:${resource}`;

const ec2 =
    (prefix: string, resource: string): Builder =>
    (ctx, seed) => {
        const id = `${prefix}-${hex(seed, 17)}`;
        return { id, state: { arn: regionalArn(ctx, "ec2", `${resource}/${id}`), ownerId: ctx.accountId } };
    };

const BUILDERS: Record<string, Builder> = {
    "aws:kms/key:Key": (ctx, seed) => {
        const keyId = uuid(seed);
        return { id: keyId, state: { keyId, arn: regionalArn(ctx, "kms", `key/${keyId}`) } };
    },
    "aws:kms/alias:Alias": (ctx) => {
        const name = str(ctx.inputs.name, `alias/${ctx.name}`);
        return { id: name, state: { arn: regionalArn(ctx, "kms", name), targetKeyArn: regionalArn(ctx, "kms", `key/${str(ctx.inputs.targetKeyId, "")}`) } };
    },
    "aws:s3/bucket:Bucket": (ctx) => {
        const bucket = str(ctx.inputs.bucket, `${ctx.name}-${hex(ctx.name, 8)}`);
        return {
            id: bucket,
            state: {
                bucket,
                arn: `arn:${ctx.partition}:s3:::${bucket}`,
                bucketDomainName: `${bucket}.s3.amazonaws.com`,
                bucketRegionalDomainName: `${bucket}.s3.${ctx.region}.amazonaws.com`,
                region: ctx.region,
            },
        };
    },
    "aws:iam/role:Role": (ctx, seed) => {
        const name = str(ctx.inputs.name, `${ctx.name}-${hex(seed, 7)}`);
        const path = str(ctx.inputs.path, "/");
        return {
            id: name,
            state: { name, arn: `arn:${ctx.partition}:iam::${ctx.accountId}:role${path}${name}`, uniqueId: `AROA${hex(seed, 17).toUpperCase()}` },
        };
    },
    "aws:iam/policy:Policy": (ctx, seed) => {
        const name = str(ctx.inputs.name, `${ctx.name}-${hex(seed, 7)}`);
        const arn = `arn:${ctx.partition}:iam::${ctx.accountId}:policy${str(ctx.inputs.path, "/")}${name}`;
        return { id: arn, state: { name, arn, policyId: `ANPA${hex(seed, 17).toUpperCase()}` } };
    },
    "aws:iam/instanceProfile:InstanceProfile": (ctx, seed) => {
        const name = str(ctx.inputs.name, `${ctx.name}-${hex(seed, 7)}`);
        return { id: name, state: { name, arn: `arn:${ctx.partition}:iam::${ctx.accountId}:instance-profile/${name}` } };
    },
    "aws:ec2/vpc:Vpc": (ctx, seed) => {
        const out = ec2("vpc", "vpc")(ctx, seed);
        return {
            id: out.id,
            state: {
                ...out.state,
                defaultSecurityGroupId: `sg-${hex(seed + "dsg", 17)}`,
                mainRouteTableId: `rtb-${hex(seed + "main", 17)}`,
                defaultRouteTableId: `rtb-${hex(seed + "main", 17)}`,
                defaultNetworkAclId: `acl-${hex(seed + "acl", 17)}`,
            },
        };
    },
    "aws:ec2/subnet:Subnet": ec2("subnet", "subnet"),
    "aws:ec2/routeTable:RouteTable": ec2("rtb", "route-table"),
    "aws:ec2/securityGroup:SecurityGroup": ec2("sg", "security-group"),
    "aws:ec2/networkAcl:NetworkAcl": ec2("acl", "network-acl"),
    "aws:ec2/vpcEndpoint:VpcEndpoint": (ctx, seed) => {
        const id = `vpce-${hex(seed, 17)}`;
        const service = str(ctx.inputs.serviceName, "com.amazonaws.unknown");
        return {
            id,
            state: {
                arn: regionalArn(ctx, "ec2", `vpc-endpoint/${id}`),
                prefixListId: `pl-${hex(seed, 8)}`,
                dnsEntries: [{ dnsName: `${id}.${service.split(".").slice(3).join(".")}.${ctx.region}.vpce.amazonaws.com`, hostedZoneId: "Z0000000000000" }],
                networkInterfaceIds: [`eni-${hex(seed + "eni", 17)}`],
            },
        };
    },
    "aws:ec2/flowLog:FlowLog": ec2("fl", "vpc-flow-log"),
    "aws:ec2/internetGateway:InternetGateway": ec2("igw", "internet-gateway"),
    "aws:ec2/natGateway:NatGateway": ec2("nat", "natgateway"),
    // A VPC EIP's allocation id is its id; the NAT gateway of the scanning network reads it.
    "aws:ec2/eip:Eip": (ctx, seed) => {
        const out = ec2("eipalloc", "elastic-ip")(ctx, seed);
        return { id: out.id, state: { ...out.state, allocationId: out.id } };
    },
    "aws:ec2transitgateway/transitGateway:TransitGateway": (ctx, seed) => {
        const out = ec2("tgw", "transit-gateway")(ctx, seed);
        // Default tables are disabled on the platform's hub; AWS still reports ids when they are on.
        return { id: out.id, state: { ...out.state, associationDefaultRouteTableId: "", propagationDefaultRouteTableId: "" } };
    },
    "aws:ec2transitgateway/routeTable:RouteTable": ec2("tgw-rtb", "transit-gateway-route-table"),
    // A resource share is named by its ARN: arn:<partition>:ram:<region>:<account>:resource-share/<uuid>.
    "aws:ram/resourceShare:ResourceShare": (ctx, seed) => {
        const arn = regionalArn(ctx, "ram", `resource-share/${uuid(seed)}`);
        return { id: arn, state: { arn } };
    },
    "aws:cloudwatch/logGroup:LogGroup": (ctx) => {
        const name = str(ctx.inputs.name, ctx.name);
        return { id: name, state: { name, arn: regionalArn(ctx, "logs", `log-group:${name}`) } };
    },
    "aws:sagemaker/domain:Domain": (ctx, seed) => {
        const id = `d-${hex(seed, 12)}`;
        return {
            id,
            state: {
                arn: regionalArn(ctx, "sagemaker", `domain/${id}`),
                homeEfsFileSystemId: `fs-${hex(seed + "efs", 17)}`,
                securityGroupIdForDomainBoundary: `sg-${hex(seed + "boundary", 17)}`,
                url: `https://${id}.studio.${ctx.region}.sagemaker.aws`,
                singleSignOnManagedApplicationInstanceId: "",
            },
        };
    },
    "aws:sagemaker/userProfile:UserProfile": (ctx) => {
        const name = str(ctx.inputs.userProfileName, ctx.name);
        const domainId = str(ctx.inputs.domainId, "d-unknown");
        const arn = regionalArn(ctx, "sagemaker", `user-profile/${domainId}/${name}`);
        return { id: arn, state: { arn, homeEfsFileSystemUid: String(200000 + parseInt(hex(name, 4), 16)) } };
    },
    "aws:sagemaker/studioLifecycleConfig:StudioLifecycleConfig": (ctx) => {
        const name = str(ctx.inputs.studioLifecycleConfigName, ctx.name);
        return { id: name, state: { arn: regionalArn(ctx, "sagemaker", `studio-lifecycle-config/${name}`) } };
    },
    "aws:sagemaker/image:Image": (ctx) => {
        const name = str(ctx.inputs.imageName, ctx.name);
        return { id: name, state: { arn: regionalArn(ctx, "sagemaker", `image/${name}`) } };
    },
    "aws:sagemaker/imageVersion:ImageVersion": (ctx) => {
        const name = str(ctx.inputs.imageName, ctx.name);
        return {
            id: name,
            state: {
                arn: regionalArn(ctx, "sagemaker", `image-version/${name}/1`),
                imageArn: regionalArn(ctx, "sagemaker", `image/${name}`),
                version: 1,
                containerImage: ctx.inputs.baseImage,
            },
        };
    },
    "aws:sagemaker/appImageConfig:AppImageConfig": (ctx) => {
        const name = str(ctx.inputs.appImageConfigName, ctx.name);
        return { id: name, state: { arn: regionalArn(ctx, "sagemaker", `app-image-config/${name}`) } };
    },
    "aws:sagemaker/space:Space": (ctx) => {
        const name = str(ctx.inputs.spaceName, ctx.name);
        const domainId = str(ctx.inputs.domainId, "d-unknown");
        const arn = regionalArn(ctx, "sagemaker", `space/${domainId}/${name}`);
        return { id: arn, state: { arn, homeEfsFileSystemUid: String(300000 + parseInt(hex(name, 4), 16)) } };
    },
    "aws:lambda/function:Function": (ctx, seed) => {
        const name = str(ctx.inputs.name, `${ctx.name}-${hex(seed, 7)}`);
        const arn = regionalArn(ctx, "lambda", `function:${name}`);
        return { id: name, state: { arn, invokeArn: `${arn}/invocations`, qualifiedArn: `${arn}:$LATEST`, version: "$LATEST" } };
    },
    // A REST API id is 10 lower-case letters and digits; its execution ARN is what Lambda permissions name.
    "aws:apigateway/restApi:RestApi": (ctx, seed) => {
        const id = hex(seed, 10);
        return {
            id,
            state: {
                arn: `arn:${ctx.partition}:apigateway:${ctx.region}::/restapis/${id}`,
                executionArn: regionalArn(ctx, "execute-api", id),
                rootResourceId: hex(seed + "root", 10),
                createdDate: "2024-01-01T00:00:00Z",
            },
        };
    },
    "aws:dynamodb/table:Table": (ctx) => {
        const name = str(ctx.inputs.name, ctx.name);
        return { id: name, state: { arn: regionalArn(ctx, "dynamodb", `table/${name}`) } };
    },
    "aws:sns/topic:Topic": (ctx, seed) => {
        const name = str(ctx.inputs.name, `${ctx.name}-${hex(seed, 7)}`);
        const arn = regionalArn(ctx, "sns", name);
        return { id: arn, state: { arn, name } };
    },
    "aws:sqs/queue:Queue": (ctx, seed) => {
        const name = str(ctx.inputs.name, `${ctx.name}-${hex(seed, 7)}`);
        return {
            id: `https://sqs.${ctx.region}.amazonaws.com/${ctx.accountId}/${name}`,
            state: { arn: regionalArn(ctx, "sqs", name), name, url: `https://sqs.${ctx.region}.amazonaws.com/${ctx.accountId}/${name}` },
        };
    },
    "aws:codeartifact/domain:Domain": (ctx) => {
        const name = str(ctx.inputs.domain, ctx.name);
        return {
            id: regionalArn(ctx, "codeartifact", `domain/${name}`),
            state: {
                arn: regionalArn(ctx, "codeartifact", `domain/${name}`),
                owner: ctx.accountId,
                s3BucketArn: `arn:${ctx.partition}:s3:::assets-${hex(ctx.region, 8)}`,
            },
        };
    },
    "aws:codeartifact/repository:Repository": (ctx) => {
        const domain = str(ctx.inputs.domain, "domain");
        const name = str(ctx.inputs.repository, ctx.name);
        const arn = regionalArn(ctx, "codeartifact", `repository/${domain}/${name}`);
        return { id: arn, state: { arn, administratorAccount: ctx.accountId, domainOwner: ctx.accountId } };
    },
    "aws:ecr/repository:Repository": (ctx) => {
        const name = str(ctx.inputs.name, ctx.name);
        return {
            id: name,
            state: {
                arn: regionalArn(ctx, "ecr", `repository/${name}`),
                registryId: ctx.accountId,
                repositoryUrl: `${ctx.accountId}.dkr.ecr.${ctx.region}.amazonaws.com/${name}`,
            },
        };
    },
    "aws:codebuild/project:Project": (ctx) => {
        const name = str(ctx.inputs.name, ctx.name);
        return { id: regionalArn(ctx, "codebuild", `project/${name}`), state: { arn: regionalArn(ctx, "codebuild", `project/${name}`), name } };
    },
    "aws:codepipeline/pipeline:Pipeline": (ctx) => {
        const name = str(ctx.inputs.name, ctx.name);
        return { id: name, state: { arn: regionalArn(ctx, "codepipeline", name), name } };
    },
    "aws:cloudtrail/trail:Trail": (ctx) => {
        const name = str(ctx.inputs.name, ctx.name);
        return { id: name, state: { arn: regionalArn(ctx, "cloudtrail", `trail/${name}`), homeRegion: ctx.region } };
    },
    "aws:cloudwatch/eventRule:EventRule": (ctx) => {
        const name = str(ctx.inputs.name, ctx.name);
        return { id: name, state: { arn: regionalArn(ctx, "events", `rule/${name}`), name } };
    },
    "aws:backup/vault:Vault": (ctx) => {
        const name = str(ctx.inputs.name, ctx.name);
        return { id: name, state: { arn: regionalArn(ctx, "backup", `backup-vault:${name}`), name, recoveryPoints: 0 } };
    },
    "aws:backup/plan:Plan": (ctx, seed) => {
        const id = uuid(seed);
        return { id, state: { arn: regionalArn(ctx, "backup", `backup-plan:${id}`), version: hex(seed, 12) } };
    },
    "aws:secretsmanager/secret:Secret": (ctx, seed) => {
        const name = str(ctx.inputs.name, ctx.name);
        const arn = regionalArn(ctx, "secretsmanager", `secret:${name}-${hex(seed, 6)}`);
        return { id: arn, state: { arn } };
    },
    "aws:s3/accessPoint:AccessPoint": (ctx) => {
        const name = str(ctx.inputs.name, ctx.name);
        const arn = regionalArn(ctx, "s3", `accesspoint/${name}`);
        return {
            id: `${ctx.accountId}:${name}`,
            state: { arn, alias: `${name}-${hex(name, 20)}-s3alias`, networkOrigin: ctx.inputs.vpcConfiguration ? "VPC" : "Internet" },
        };
    },
    "aws:budgets/budget:Budget": (ctx) => {
        const name = str(ctx.inputs.name, ctx.name);
        return { id: `${ctx.accountId}:${name}`, state: { arn: `arn:${ctx.partition}:budgets::${ctx.accountId}:budget/${name}` } };
    },
    "aws:ssm/parameter:Parameter": (ctx) => {
        const name = str(ctx.inputs.name, ctx.name);
        return { id: name, state: { arn: regionalArn(ctx, "ssm", `parameter${name.startsWith("/") ? "" : "/"}${name}`), version: 1 } };
    },
    "aws:organizations/organizationalUnit:OrganizationalUnit": (ctx, seed) => {
        const id = `ou-${hex(seed, 4)}-${hex(seed + "ou", 8)}`;
        return { id, state: { arn: `arn:${ctx.partition}:organizations::${ctx.accountId}:ou/o-example/${id}` } };
    },
    "aws:organizations/policy:Policy": (ctx, seed) => {
        const id = `p-${hex(seed, 8)}`;
        return { id, state: { arn: `arn:${ctx.partition}:organizations::${ctx.accountId}:policy/o-example/service_control_policy/${id}` } };
    },
    "aws:ssoadmin/permissionSet:PermissionSet": (ctx, seed) => {
        const instance = str(ctx.inputs.instanceArn, "arn:aws:sso:::instance/ssoins-0000000000000000").split("/").pop();
        const arn = `arn:${ctx.partition}:sso:::permissionSet/${instance}/ps-${hex(seed, 16)}`;
        return { id: `${arn},${str(ctx.inputs.instanceArn, "")}`, state: { arn, createdDate: "2024-01-01T00:00:00Z" } };
    },
    "aws:guardduty/detector:Detector": (ctx, seed) => {
        const id = hex(seed, 32);
        return { id, state: { arn: regionalArn(ctx, "guardduty", `detector/${id}`), accountId: ctx.accountId } };
    },
    "aws:cfg/recorder:Recorder": (ctx) => {
        const name = str(ctx.inputs.name, "default");
        return { id: name, state: { name } };
    },
    "aws:cfg/rule:Rule": (ctx, seed) => {
        const name = str(ctx.inputs.name, ctx.name);
        return { id: name, state: { name, arn: regionalArn(ctx, "config", `config-rule/config-rule-${hex(seed, 6)}`), ruleId: `config-rule-${hex(seed, 6)}` } };
    },
};

/** Ids and state for a custom resource; unknown types get a generic ARN. */
export function mockOutputs(ctx: MockContext): MockOutputs {
    const seed = `${ctx.type}::${ctx.name}::${ctx.accountId}`;
    const builder = BUILDERS[ctx.type];
    if (builder) {
        const out = builder(ctx, seed);
        return { id: out.id, state: { ...ctx.inputs, ...out.state, id: out.id } };
    }
    // aws:<module>/<resource>:<Name> → arn:aws:<module>:<region>:<account>:<resource>/<name>
    const match = /^aws:([a-z0-9]+)\/([A-Za-z0-9]+):/.exec(ctx.type);
    const id = `${ctx.name}-${hex(seed, 8)}`;
    const arn = match ? regionalArn(ctx, match[1], `${match[2].toLowerCase()}/${id}`) : undefined;
    return { id, state: { ...ctx.inputs, ...(arn ? { arn } : {}), id } };
}
