/**
 * The portal's build: apps/web → dist/web, served by the API app at /.
 * Vite 8 compiles TSX with its built-in Oxc transform (React's automatic JSX
 * runtime, from tsconfig's "jsx": "react-jsx"); the domain's pure rules and
 * labels come from libs/ through the same @libs alias as the server.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  resolve: { alias: { '@libs': fileURLToPath(new URL('../../libs', import.meta.url)) } },
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    sourcemap: false,
    // Ant Design marks its modules "use client" (for React Server Components); a plain SPA bundle drops it.
    rolldownOptions: { onwarn: (warning, warn) => warning.code === 'MODULE_LEVEL_DIRECTIVE' || warn(warning) },
  },
  server: { proxy: { '/api': 'http://localhost:3000', '/l/': 'http://localhost:3000' } },
});
