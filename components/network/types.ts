import * as pulumi from "@pulumi/pulumi";

/**
 * What the isolated network gives the components built on it (Studio domain, teams, detective
 * controls). IsolatedNetwork implements it; tests may fake it.
 */
export interface NetworkContext {
    vpcId: pulumi.Output<string>;
    /** The VPC's CIDR block, from config. */
    vpcCidr: string;
    /** One isolated subnet per configured availability zone, in config order. */
    subnetIds: pulumi.Output<string>[];
    /** The S3 gateway endpoint (vpce-...), for bucket policies (N10). */
    s3EndpointId: pulumi.Output<string>;
    /** Interface endpoint ids by service short name, e.g. "sagemaker.api", "studio", "sts". */
    interfaceEndpointIds: Record<string, pulumi.Output<string>>;
    /** Security group of the interface endpoints: 443 from the isolated VPC's range only (one rule, whatever the number of users). */
    endpointSecurityGroupId: pulumi.Output<string>;
    /** Security group of the Studio domain (NFS to its EFS). */
    domainSecurityGroupId: pulumi.Output<string>;
    /**
     * Prefix list of the S3 gateway endpoint, for security-group egress to S3 (443) without
     * 0.0.0.0/0, e.g. for training-job groups. Optional: fakes in tests may leave it out.
     */
    s3PrefixListId?: pulumi.Output<string>;
    /** Route tables of the isolated subnets (S3 gateway routes only). Optional. */
    routeTableIds?: pulumi.Output<string>[];
    /**
     * Creates the security group of one user profile: self-referencing 8192-65535 and NFS 2049
     * to EFS, so one user's apps talk to each other and never to another user's (N9).
     */
    userSecurityGroup(userName: string, parent: pulumi.Resource): pulumi.Output<string>;
    /**
     * Creates the security group of one team's jobs (training, processing, tuning): the job's
     * instances reach each other on every port and protocol (distributed training, and the IPsec
     * of inter-container encryption, E4), the endpoints and S3 on 443, nothing else; no other
     * team's group and no user's group is admitted. Optional: fakes in tests may leave it out.
     */
    jobSecurityGroup?(teamName: string, parent: pulumi.Resource): pulumi.Output<string>;
}
