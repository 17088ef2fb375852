/**
 * What the config of a team stack (layer `teams`) must hold besides its base reference
 * (refineStack): its teams, and the base's network section (the VPC's CIDR, zones and endpoint
 * keys must be known before the base's outputs resolve; stacks/referencedNetwork.ts holds them
 * to the base's).
 */
type Issue = (path: (string | number)[], message: string) => void;

interface TeamStackInputs {
    network?: unknown;
    teams: unknown[];
}

export function refineTeamStack(cfg: TeamStackInputs, issue: Issue): void {
    if (!cfg.network) {
        issue(["network"], "missing; a team stack builds on its base's VPC: copy the base stack's network section (cidr, endpoints)");
    }
    if (cfg.teams.length === 0) issue(["teams"], "is empty; a team stack builds its teams and nothing else: list at least one");
}
