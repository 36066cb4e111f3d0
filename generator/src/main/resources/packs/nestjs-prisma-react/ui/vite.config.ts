import { defineConfig, loadEnv } from 'vite';

// React without a plugin: esbuild compiles TSX with the automatic JSX runtime. /api goes to the API
// (API_PROXY_TARGET, default http://localhost:3000) in `vite` and `vite preview` alike.
export default defineConfig(({ mode }) => {
  const target = loadEnv(mode, '.', 'API_').API_PROXY_TARGET || 'http://localhost:3000';
  const proxy = { '/api': { target, rewrite: (path: string) => path.replace(/^\/api/, '') } };
  return { esbuild: { jsx: 'automatic' }, server: { proxy }, preview: { proxy } };
});
