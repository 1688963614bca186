/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** '1' in the browser-harness build only: compiles in the HTTP transport (see renderer/vite.config.ts). */
  readonly VITE_HARNESS?: string;
}
