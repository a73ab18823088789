import { defineConfig } from 'vite';

// The portal is a static page: `npm start` serves portal/dist beside the API, Azure serves it as a Static Web App.
export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  base: '/',
  logLevel: 'warn',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', sourcemap: false },
});
