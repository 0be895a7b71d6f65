import { reactRouter } from '@react-router/dev/vite';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [tailwindcss(), reactRouter()],
  // Every browser-side dependency, named up front: the development server then bundles them
  // once at start, instead of discovering one on a first visit and reloading open pages.
  optimizeDeps: {
    include: [
      'react',
      'react/jsx-runtime',
      'react/jsx-dev-runtime',
      'react-dom',
      'react-dom/client',
      'react-router',
      'react-router/dom',
      'zod',
    ],
  },
  server: {
    hmr: process.env.NODE_ENV !== 'test',
    // Transform the pages at start rather than on the first visit: the first request of each
    // page is otherwise slow enough to trip a person (or a browser test) waiting for it.
    warmup: {
      clientFiles: ['./app/root.tsx', './app/routes/*.tsx', './app/components/*.tsx'],
      ssrFiles: ['./app/root.tsx', './app/routes/*.tsx', './app/routes/*.ts'],
    },
  },
});
