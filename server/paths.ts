// Where the project's files are, from the source (server/*.ts under tsx or vitest) and from the
// production bundle (dist/server/index.mjs) alike: the nearest directory above this module that
// holds package.json.
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`)
  }
}

export const PROJECT_ROOT = findProjectRoot(dirname(fileURLToPath(import.meta.url)))
export const projectPath = (...parts: string[]) => resolve(PROJECT_ROOT, ...parts)
