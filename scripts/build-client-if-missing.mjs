// Builds the client (vite) for `npm start` when dist/client has none yet. In its own process before
// the server starts, so the server never loads vite: built inside it, the first start left the
// server at ~460 MB of RSS until a GC got round to it.
import { existsSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
if (!existsSync(resolve(root, 'dist/client/index.html'))) {
  console.log('building the client (first start)…')
  const { build } = await import('vite')
  await build({ configFile: resolve(root, 'vite.config.ts'), logLevel: 'warn' })
}
