import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const sharedEntry = fileURLToPath(new URL('../../packages/shared/src/index.ts', import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@youshe/shared': sharedEntry },
    // The workspace root holds React 18 for other packages' peers; every import must get this app's React 19.
    dedupe: ['react', 'react-dom'],
  },
  server: {
    port: 5173,
    // Keep the browser's Host header so the server's same-origin CSRF check sees the dev origin as its own.
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
});
