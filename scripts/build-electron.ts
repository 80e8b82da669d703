import { build, type BuildOptions } from 'esbuild';

/**
 * Bundles the Electron main process and the preload into the CommonJS files electron-builder
 * packs (dist/electron/main.cjs, preload.cjs). Everything is bundled: the package ships no
 * node_modules. MongoDB's optional native add-ons stay external (the driver copes without them).
 */
const OPTIONAL = ['kerberos', '@mongodb-js/zstd', 'snappy', 'socks', 'aws4', 'mongodb-client-encryption', 'gcp-metadata'];

const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  outdir: 'dist/electron',
  outExtension: { '.js': '.cjs' },
  sourcemap: true,
  logLevel: 'info',
};

await Promise.all([
  build({ ...common, entryPoints: { main: 'electron/main.ts' }, external: ['electron', ...OPTIONAL] }),
  // A sandboxed preload may only require('electron').
  build({ ...common, entryPoints: { preload: 'electron/preload.ts' }, external: ['electron'] }),
]);
