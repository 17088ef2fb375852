/**
 * Pulumi entry point (Pulumi.yaml `main`). Validates the whole config before any resource is
 * registered: a bad config creates nothing and prints one line per problem, no stack trace.
 */
import * as pulumi from "@pulumi/pulumi";
import { PlatformConfigError, loadPlatformConfig } from "./config";
import { definePlatform } from "./platform";

function loadOrExplain() {
    try {
        return loadPlatformConfig();
    } catch (err) {
        if (err instanceof PlatformConfigError) {
            // RunError ends the program with its message only, without the source and stack trace.
            throw new pulumi.RunError(`invalid stack config:\n${err.message}`);
        }
        throw err;
    }
}

export = definePlatform(loadOrExplain());
