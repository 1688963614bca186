/**
 * Building blocks of the IPC contract. A channel pairs a zod schema for its input (validated in the
 * backend, whatever sent it) with the TypeScript type of its output. Names follow `area:verb-noun`.
 */
import type { z } from 'zod';

export interface ChannelDef<In extends z.ZodType, Out> {
  readonly input: In;
  /** Phantom: carries the output type only. */
  readonly output?: Out;
}

/** `channel<Output>()(inputSchema)`: the two-step call lets TypeScript infer the schema type while the output is given. */
export function channel<Out>() {
  return <In extends z.ZodType>(input: In): ChannelDef<In, Out> => ({ input });
}

/** What crosses the boundary instead of an Error: a stable code and a message fit for the coordinator. */
export interface BackendError {
  readonly code: string;
  readonly message: string;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: BackendError };
