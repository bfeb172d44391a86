// Bundles the server into dist/server/index.mjs for `npm start`, the tests and the bench. Running
// the bundle on plain node instead of through tsx saves ~25% CPU at light load and ~45 MB of RSS:
// tsx compiles with esbuild's keepNames, which wraps every closure the hot path creates in a
// __name() call, and keeps its loader and source maps resident. Packages stay external (node_modules).
import { build } from 'esbuild'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
// The worker threads are entries of their own: the board pack's PDF worker (server/board-pack/pdf-in-worker.ts
// starts it), the document worker (server/documents/document-work.ts) and the WAL's checkpoint thread
// (server/storage/wal-checkpoints.ts).
// `--with-test-entry` (tests/global-setup.ts) adds the tests' entry point, which takes shortened
// tuning values (tests/helpers/tuned-server.ts); npm start and the bench never build it.
const entryPoints = { index: resolve(root, 'server/index.ts'), 'pdf-worker': resolve(root, 'server/board-pack/pdf-worker.ts'), 'document-worker': resolve(root, 'server/documents/document-worker.ts'), 'checkpoint-worker': resolve(root, 'server/storage/checkpoint-worker.mjs') }
if (process.argv.includes('--with-test-entry')) entryPoints['tuned-server'] = resolve(root, 'tests/helpers/tuned-server.ts')
await build({
  entryPoints,
  outdir: resolve(root, 'dist/server'),
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
})
