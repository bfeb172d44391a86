// Vite plugin: writes a brotli (.br) and a gzip (.gz) copy next to each text asset of the build,
// so the server sends compressed bytes without compressing per request (serveStatic precompressed).
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import type { Plugin } from 'vite'

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
    writeBundle(_options, bundle) {
      for (const fileName of Object.keys(bundle)) {
        if (!COMPRESSIBLE.test(fileName)) continue
        const path = join(outDir, fileName)
        const bytes = readFileSync(path)
        if (bytes.length < MIN_BYTES) continue
        writeFileSync(`${path}.br`, brotliCompressSync(bytes, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
        }))
        writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }))
      }
    },
  }
}
