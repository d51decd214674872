import type { z } from "zod";
import type { AzureAccess } from "@/lib/azure";
import { operationKinds, type JobInput, type OperationKind } from "@/lib/operations/kinds";
import type { ArmSteps, Wait } from "./wait-step";

/** What a job handler gets: its operation's identity and the step recorder. */
export type JobContext = {
  operationId: string;
  tenantId: string | null;
  actorId: string | null;
  /** The pg-boss attempt (0 on the first run); a resumed poll keeps counting from the same operation. */
  attempt: number;
  /** Declares the step names up front so progress reads "2 of 6" from the start. */
  plan(steps: readonly string[]): Promise<void>;
  /**
   * Runs one named step and records it (start, end, outcome, ARM request and correlation ids). A step that already
   * succeeded in an earlier run of this operation is not run again: its stored result is returned.
   */
  step<T>(name: string, fn: () => Promise<T>): Promise<T>;
  /**
   * A step that waits for something other than one ARM request (a provider registering, an ASR item replicating, a
   * network another operation is creating): see lib/jobs/wait-step.ts. It never holds a worker for long.
   */
  wait<T>(name: string, wait: Wait<T>): Promise<T>;
  /** The long-running steps of this job against one onboarded subscription (see wait-step.ts). */
  arm(access: AzureAccess): ArmSteps;
  /** Adds a short, human detail to the running step ("Resource group tnt-contoso-1 exists"). */
  note(detail: string): void;
  /** The onboarded Azure subscription record, for lib/azure. */
  azureAccess(azureSubscriptionId: string): Promise<AzureAccess>;
};

/** A handler for an operation kind of the catalogue (lib/operations/kinds.ts), which also holds its concurrency. */
export type JobDefinition<I = unknown, K extends string = OperationKind> = {
  kind: K;
  input: z.ZodType<I>;
  /** Runs the operation. Must be safe to run again from the start: deterministic names, PUT semantics, read before write. */
  run(input: I, op: JobContext): Promise<void>;
  /**
   * Settles the intent the operation served after it failed, timed out or was cancelled (the message says which): a VM
   * left "Creating" forever is a defect. A cancel lands between steps; a kind whose finished step this cannot undo (a
   * delete) is cancellable only while queued: say so in its catalogue entry (lib/operations/kinds.ts).
   */
  onFailed?(input: I, op: { operationId: string; message: string }): Promise<void>;
  /** Runs after success (e.g. mark the intent done). */
  onSucceeded?(input: I, op: { operationId: string }): Promise<void>;
};

const registry = new Map<string, JobDefinition<unknown, string>>();

/**
 * The handler of a catalogue kind, which also gives it its input schema; worker/handlers.ts lists every one, so a kind
 * without a handler does not compile.
 */
export function defineJob<K extends OperationKind>(
  definition: Omit<JobDefinition<JobInput<K>, K>, "input">,
): JobDefinition<JobInput<K>, K> {
  return registerJob({
    ...definition,
    input: operationKinds[definition.kind].input as unknown as z.ZodType<JobInput<K>>,
  });
}

/** Registers a handler under any name: defineJob for the catalogue's kinds, and tests for kinds of their own. */
export function registerJob<I, K extends string>(definition: JobDefinition<I, K>): JobDefinition<I, K> {
  registry.set(definition.kind, definition as unknown as JobDefinition<unknown, string>);
  return definition;
}

export const getJobDefinition = (kind: string) => registry.get(kind);
export const jobKinds = () => [...registry.keys()];
