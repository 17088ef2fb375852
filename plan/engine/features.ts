/**
 * The feature answers of the 3.248 engine (pkg/resource/deploy/source_eval.go
 * resmon.supportsFeatureID, with resource references and output values left enabled as the CLI
 * leaves them). What each one changes on the SDK side (runtime/settings awaitFeatureSupport):
 *   secrets             secret inputs travel wrapped, so the engine can keep them secret
 *   resourceReferences  resources in inputs travel as references, not bare ids/URNs
 *   outputValues        inputs of remote components travel as output values with dependencies
 *   deletedWith, replaceWith, replacementTrigger  those options are sent instead of refused
 *   aliasSpecs          aliases travel as specs; the engine, not the SDK, computes alias URNs
 *   transforms, invokeTransforms, resourceHooks, errorHooks  the SDK may register callbacks
 *   parameterization    RegisterPackage and package references are available
 */
export const ENGINE_FEATURES: ReadonlySet<string> = new Set([
    "secrets",
    "resourceReferences",
    "outputValues",
    "aliasSpecs",
    "replacementTrigger",
    "deletedWith",
    "replaceWith",
    "transforms",
    "invokeTransforms",
    "parameterization",
    "resourceHooks",
    "errorHooks",
    "sendsOptionsToHooks",
]);
