// Tests start the server the way `npm start` does: from the bundle, rebuilt here so it is never stale
// (with the tests' entry point for shortened tuning values, tests/helpers/tuned-server.ts).
import { execFileSync } from 'node:child_process'
import { resolve } from 'node:path'

export default function setup() {
  execFileSync(process.execPath, [resolve(import.meta.dirname, '../scripts/build-server.mjs'), '--with-test-entry'], { stdio: 'inherit' })
}
