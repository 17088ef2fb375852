import { SecureDsResourcePolicy, TYPES, propsOf, text } from "../common";

/**
 * S2: the scan pipeline's build steps come from this program, not from the repository it builds.
 * Without an inline buildspec CodeBuild reads buildspec.yml from the source, so whoever can push
 * a request file could also rewrite the scanner.
 */
export const codebuildInlineBuildspec: SecureDsResourcePolicy = {
    name: "codebuild-inline-buildspec",
    description: "CodeBuild projects must carry an inline buildspec (source.buildspec with YAML content), not read one from the source repository (S2).",
    controls: ["S2"],
    remediation: "Pass the buildspec file of components/packages/buildspecs inline as source.buildspec (ScanPipeline does).",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        const p = propsOf(args, TYPES.codebuildProject);
        if (!p) return;
        const spec = text(p.source?.buildspec);
        // A single-line value is a path inside the source (or an S3 object), not the spec itself.
        if (!spec || !spec.includes("\n"))
            reportViolation(`CodeBuild project ${args.name} takes its buildspec ${spec ? `from ${spec}` : "from the source repository"}; pass it inline (S2).`);
    },
};
