/**
 * Browser-harness build of the renderer (tests and development only, never shipped): the same React
 * app with the HTTP transport compiled in, written to build/web and served by scripts/harness/serve.ts.
 * The desktop renderer is built by electron.vite.config.ts without it.
 */
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const here = import.meta.dirname;

export default defineConfig({
  root: here,
  plugins: [react()],
  define: { 'import.meta.env.VITE_HARNESS': JSON.stringify('1') },
  build: {
    // TRIALLEDGER_WEB_OUT lets parallel test runs build into their own folder.
    outDir: process.env.TRIALLEDGER_WEB_OUT ? resolve(process.env.TRIALLEDGER_WEB_OUT) : resolve(here, '../build/web'),
    emptyOutDir: true,
    sourcemap: true,
  },
});
