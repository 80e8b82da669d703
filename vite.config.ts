import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The renderer: an ordinary browser app, loaded from file:// by Electron and over loopback HTTP by `serve`. */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
});
