export * from "./errors";
export { parseInput } from "./parse";
