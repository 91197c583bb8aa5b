/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Built into dist/ and served by the gateway at /console (the GraphiQL page too, at GET /graphql in Development).
export default defineConfig({
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    rollupOptions: { input: { index: 'index.html', graphiql: 'graphiql.html' } },
  },
  // `npm run dev` against a gateway started by ./run.sh
  server: { proxy: { '/graphql': 'http://localhost:5000', '/dev': 'http://localhost:5000' } },
  test: { environment: 'jsdom', include: ['src/**/*.test.{ts,tsx}'], setupFiles: ['src/test-setup.ts'], testTimeout: 20000 },
});
