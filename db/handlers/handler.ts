/** Handler types: a plain function of the backend and the already-validated input. */
import type { Channel, OutputOf, ParsedInputOf } from '../../shared/contract/index.ts';
import type { Backend } from '../backend/backend.ts';

export type Handler<C extends Channel> = (backend: Backend, input: ParsedInputOf<C>) => OutputOf<C> | Promise<OutputOf<C>>;

/** The handlers of one area of the contract. */
export type HandlerMap<C extends Channel> = { readonly [K in C]: Handler<K> };
