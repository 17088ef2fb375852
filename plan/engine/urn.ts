/**
 * URNs as the engine computes them (sdk/go/common/resource/urn/urn.go `New`, called by
 * Deployment.generateURN): the qualified type is the parent's qualified type, `$`, the type —
 * except that the root stack's type is never part of a child's chain.
 */

export const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";
const PREFIX = "urn:pulumi:";
const DELIMITER = "::";

export function newUrn(stack: string, project: string, parentType: string, type: string, name: string): string {
    const qualified = parentType !== "" && parentType !== ROOT_STACK_TYPE ? `${parentType}$${type}` : type;
    return `${PREFIX}${stack}${DELIMITER}${project}${DELIMITER}${qualified}${DELIMITER}${name}`;
}

/** The third `::` component: the resource's type chain (urn.QualifiedType). */
export function qualifiedType(urn: string): string {
    return urn.slice(PREFIX.length).split(DELIMITER)[2] ?? "";
}

/** A resource's URN from its parent's URN, as generateURN does it. */
export function childUrn(stack: string, project: string, parentUrn: string, type: string, name: string): string {
    return newUrn(stack, project, parentUrn ? qualifiedType(parentUrn) : "", type, name);
}

/** The stack resource's name, as the SDK registers it (`<project>-<stack>`). */
export function stackResourceName(project: string, stack: string): string {
    return `${project}-${stack}`;
}

/** A provider reference is "<urn>::<id>"; the URN itself contains "::". */
export function providerReferenceUrn(ref: string): string | undefined {
    if (!ref) return undefined;
    const idx = ref.lastIndexOf(DELIMITER);
    return idx > 0 ? ref.slice(0, idx) : ref;
}

/** Default provider name for a package version (providers.ProviderRequest.DefaultName). */
export function defaultProviderName(version: string): string {
    const match = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+([0-9A-Za-z.-]+))?$/.exec(version);
    if (!match) return "default";
    const [, major, minor, patch, pre, build] = match;
    const parts = [major, minor, patch, ...(pre ? pre.split(".") : []), ...(build ? build.split(".") : [])];
    return `default_${parts.join("_")}`;
}
