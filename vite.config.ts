import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { precompress } from './scripts/vite-precompress.ts'

// The client lives in client/; the API (and the sync WebSocket) is proxied to the Hono server in dev.
const apiTarget = process.env.QUORUM_API ?? 'http://localhost:3000'

export default defineConfig({
  root: 'client',
  plugins: [react(), precompress()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    chunkSizeWarningLimit: 600,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: apiTarget, ws: true, changeOrigin: false },
    },
  },
})
