/**
 * The OU tree OrganizationGuardrails creates: the multi-account foundations post (docs/sources.md;
 * AWS "Organizing your environment using multiple accounts"). Pure, so the config schema can
 * check account placements against it.
 */
export const OU_TREE: Readonly<Record<string, readonly string[]>> = {
    Security: [],
    Infrastructure: [],
    Workloads: ["Dev", "Test", "Prod"],
    Deployments: [],
    Sandbox: [],
};

/** Every OU as a path (`Workloads/Prod`), parents before their children, in OU_TREE order. */
export const OU_PATHS: readonly string[] = Object.entries(OU_TREE).flatMap(([top, children]) => [top, ...children.map((c) => `${top}/${c}`)]);

/**
 * An OU id as AWS Organizations defines it (API Reference, OrganizationalUnit `Id`:
 * `^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$`), for OUs adopted from config.
 */
export const OU_ID_PATTERN = /^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$/;
