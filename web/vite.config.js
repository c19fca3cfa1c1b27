// Vite configuration of the lizheng web front end.
//
// Two page entries share one build: index.html is the citizen portal and
// staff.html the staff workbench / leader dashboard. Both use history-mode
// routing, so the servers answer unknown paths with the right entry: the
// lizheng C++ server does it for web/dist in production, and the plugin
// below does the same for `vite` (dev) and `vite preview`.
import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// Where `npm run dev` sends /api; `lizheng serve` listens on 8080 by default.
const apiTarget = process.env.LIZHENG_API || 'http://127.0.0.1:8080'

// Rewrites page navigations (GET, Accept: text/html, no file extension) to
// the page entry that owns the path, mirroring the C++ server's fallback:
// /staff and /staff/... -> staff.html, anything else outside /api -> index.html.
function historyFallback() {
  const rewrite = (req, _res, next) => {
    const path = (req.url || '/').split('?')[0]
    const accept = req.headers.accept || ''
    const isNavigation =
      req.method === 'GET' && accept.includes('text/html') && !path.startsWith('/api/') && !/\.[a-z0-9]+$/i.test(path)
    if (isNavigation) {
      req.url = path === '/staff' || path.startsWith('/staff/') ? '/staff.html' : '/index.html'
    }
    next()
  }
  return {
    name: 'lizheng-history-fallback',
    configureServer(server) {
      server.middlewares.use(rewrite)
    },
    configurePreviewServer(server) {
      server.middlewares.use(rewrite)
    },
  }
}

const proxy = { '/api': { target: apiTarget, changeOrigin: false } }

export default defineConfig({
  appType: 'mpa',
  plugins: [vue(), historyFallback()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  define: {
    // vue-i18n's esm-bundler build: Composition API only, no devtools hooks.
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
    __VUE_PROD_DEVTOOLS__: false,
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: false,
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // ECharts is one lazily loaded chunk of the dashboard (about 200 KB
    // gzipped); the citizen portal never loads it.
    chunkSizeWarningLimit: 650,
    rolldownOptions: {
      input: {
        index: fileURLToPath(new URL('./index.html', import.meta.url)),
        staff: fileURLToPath(new URL('./staff.html', import.meta.url)),
      },
      output: {
        // Vue and its router and i18n change together and are needed by every
        // page: one long-cached chunk. Element Plus stays split per page so
        // the home page loads only what it uses.
        codeSplitting: {
          groups: [{ name: 'vue-vendor', test: /node_modules[\\/](@vue|vue|vue-router|vue-i18n|@intlify)[\\/]/ }],
        },
        // Chunks shared by several pages are named by their role, not after
        // whichever module rolldown picked.
        chunkFileNames: (chunk) =>
          chunk.facadeModuleId || chunk.name === 'vue-vendor' ? 'assets/[name]-[hash].js' : 'assets/shared-[hash].js',
        // The same for stylesheets: entries and components keep their name.
        assetFileNames: (asset) => {
          const name = (asset.names && asset.names[0]) || ''
          const own = /^(index|staff|[A-Z][\w-]*)\.css$/.test(name) || !name.endsWith('.css')
          return own ? 'assets/[name]-[hash][extname]' : 'assets/shared-[hash][extname]'
        },
      },
    },
  },
  server: { host: '127.0.0.1', port: 5173, proxy },
  preview: { host: '127.0.0.1', port: 4173, proxy },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.js'],
    // Element Plus ships CSS imports inside its ES modules; let Vite handle them.
    server: { deps: { inline: [/element-plus/] } },
    restoreMocks: true,
    testTimeout: 60000,
  },
})
