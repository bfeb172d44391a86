// Tests start the server the way `npm start` does: from the bundle, rebuilt here so it is never stale.
import { execFileSync } from 'node:child_process'
import { resolve } from 'node:path'

export default function setup() {
  execFileSync(process.execPath, [resolve(import.meta.dirname, '../scripts/build-server.mjs')], { stdio: 'inherit' })
}
