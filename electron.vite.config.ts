/**
 * Desktop build (electron-vite): main process (ES module; the SQLite native module and the other
 * dependencies stay external, loaded from node_modules), the sandboxed preload (CommonJS, bundled,
 * requiring only `electron`), and the renderer from renderer/ without the browser-harness transport.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      externalizeDeps: { include: ['better-sqlite3-multiple-ciphers'] },
      rolldownOptions: { input: { main: resolve(root, 'electron/main.ts') } },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      rolldownOptions: {
        input: { preload: resolve(root, 'electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react()],
    // The HTTP transport of the browser harness is dead code here and is dropped from the bundle.
    define: { 'import.meta.env.VITE_HARNESS': JSON.stringify('0') },
    build: {
      outDir: resolve(root, 'out/renderer'),
      rolldownOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
