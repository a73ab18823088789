import { defineConfig } from 'vite';

// The portal is a static page: `npm start` serves portal/dist beside the API, Azure serves it as a Static Web App.
export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  base: '/',
  logLevel: 'warn',
  // Always the libraries' production builds, even when built under vitest (NODE_ENV=test would pick lit's dev mode).
  resolve: { conditions: ['module', 'browser', 'production'] },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', sourcemap: false },
});
