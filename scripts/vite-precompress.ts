// Vite plugin: writes a brotli (.br) and a gzip (.gz) copy next to each text asset of the build,
// so the server sends compressed bytes without compressing per request (serveStatic precompressed).
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import type { Plugin } from 'vite'

const brotli = promisify(brotliCompress)
const gz = promisify(gzip)

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map)$/
/** Below this, compression saves less than the headers it costs. */
const MIN_BYTES = 1024

export function precompress(): Plugin {
  let outDir = ''
  return {
    name: 'quorum-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir.startsWith('/') ? config.build.outDir : join(config.root, config.build.outDir)
    },
    // Asynchronous, so the files compress in parallel on libuv's thread pool.
    async writeBundle(_options, bundle) {
      await Promise.all(Object.keys(bundle).filter((f) => COMPRESSIBLE.test(f)).map(async (fileName) => {
        const path = join(outDir, fileName)
        const bytes = await readFile(path)
        if (bytes.length < MIN_BYTES) return
        const params = { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length }
        const [br, gzipped] = await Promise.all([brotli(bytes, { params }), gz(bytes, { level: 9 })])
        await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gzipped)])
      }))
    },
  }
}
