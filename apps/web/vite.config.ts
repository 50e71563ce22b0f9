import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { earlyScript, firstLoadModules, keepOffFirstLoad, precompressAssets } from './vite.plugins';

const root = fileURLToPath(new URL('.', import.meta.url));
const firstLoad = firstLoadModules();

// react-router's package exports point at its development build under every condition
// (remix-run/react-router#12532, #14102): it keeps dev warnings on in production. The build
// takes the production files, which differ only by `ENABLE_DEV_WARNINGS = false`.
const reactRouterDist = fileURLToPath(new URL('./node_modules/react-router/dist/production/', import.meta.url));
const productionReactRouter = [
  { find: /^react-router$/, replacement: `${reactRouterDist}index.mjs` },
  { find: /^react-router\/dom$/, replacement: `${reactRouterDist}dom-export.mjs` },
];

// Workspace packages resolve to their TypeScript source through the `@palmares/source` condition,
// so the web app never needs their `dist/` to exist.
export default defineConfig(({ command }) => ({
  root,
  plugins: [
    react(),
    firstLoad.plugin,
    keepOffFirstLoad(['zod'], 'Import the contract’s schemas through src/lib/load-schemas.ts, its constants through src/lib/contract-constants.ts.'),
    earlyScript('early'),
    precompressAssets(),
    // The service worker (decision 020): Workbox precaches every file of the build with its
    // revision, so every juror screen opens offline after the first visit, not only those already
    // visited; a new version waits until the juror accepts it (never a reload mid-score).
    VitePWA({
      strategies: 'generateSW',
      registerType: 'prompt',
      injectRegister: false,
      manifest: false,
      filename: 'sw.js',
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg}'],
        // The app's chunks are small; the largest (react) is ~300 KB before compression.
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        // The first install takes the open page at once, so its lazily loaded screens are served offline too.
        clientsClaim: true,
        inlineWorkboxRuntime: true,
        sourcemap: false,
      },
    }),
  ],
  resolve: {
    conditions: ['@palmares/source', ...defaultClientConditions],
    alias: command === 'build' ? productionReactRouter : [],
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  build: {
    outDir: `${root}dist`,
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      // `early` runs while the app's JavaScript downloads (src/early.ts).
      input: { index: `${root}index.html`, early: `${root}src/early.ts` },
      // Building a zod schema has no effect but the schema, so one the app never uses is dropped:
      // the juror's screens import the contract's constants and types without its schemas (and
      // so without zod), which load on first use (src/lib/load-schemas.ts).
      treeshake: { manualPureFunctions: ['z'] },
      output: {
        // Libraries change less often than our code: separate files stay cached across releases.
        // `vendor` holds only the libraries of the first load; one that only a lazily loaded
        // screen uses goes with that screen. zod and the contract's schemas make a file of their
        // own, loaded on demand.
        codeSplitting: {
          groups: [
            { name: 'contract', test: /node_modules[\\/]zod[\\/]|packages[\\/]contract[\\/]|src[\\/]lib[\\/]contract-schemas\.ts$/ },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            { name: 'vendor', test: (id) => /node_modules[\\/]/.test(id) && firstLoad.has(id) },
          ],
        },
      },
    },
  },
}));
