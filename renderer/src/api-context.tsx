/** Hands the Api to the components; tests provide a fake one. */
import { createContext, useContext, type ReactNode } from 'react';
import type { Api } from './api.ts';

const ApiContext = createContext<Api | null>(null);

/** Provides `api` to everything below it. */
export function ApiProvider({ api, children }: { readonly api: Api; readonly children: ReactNode }) {
  return <ApiContext value={api}>{children}</ApiContext>;
}

/** The Api of the nearest ApiProvider. */
export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi needs an ApiProvider above it.');
  return api;
}
