import { defineConfig } from 'vite';

// React without a plugin: esbuild compiles TSX with the automatic JSX runtime.
export default defineConfig({
  esbuild: { jsx: 'automatic' },
  server: { proxy: { '/api': { target: 'http://localhost:3000', rewrite: (path) => path.replace(/^\/api/, '') } } },
});
