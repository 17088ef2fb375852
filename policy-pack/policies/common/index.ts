/** Helpers shared by the rules of every service folder; rules import them from "../common". */
export * from "./accounts";
export * from "./credentials";
export * from "./iam";
export * from "./keys";
export * from "./organization";
export * from "./policy";
export * from "./preview";
export * from "./props";
export * from "./resources";
export * from "./tags";
export * from "./types";
export * from "./values";
export * from "./exemptions";
export * from "./severity";
