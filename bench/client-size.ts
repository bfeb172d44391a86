// The client's initial JavaScript: what dist/client/index.html references (entry script and
// modulepreloads), gzipped with zlib (level 9, as a static server would precompress). The build
// goes to a temporary outDir so it never disturbs a dist/client that someone else is serving.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { ROOT } from './servers/launch'

export interface ClientSize { files: { file: string; bytes: number; gzipBytes: number }[]; initialJsBytes: number; initialJsGzipBytes: number; allJsGzipBytes: number; error?: string }

export function measureClientSize(): ClientSize {
  const out = mkdtempSync(join(tmpdir(), 'quorum-bench-client-'))
  try {
    const build = () => execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    try { build() } catch { build() } // others edit client/ concurrently: one retry for a half-saved file
    const html = readFileSync(join(out, 'index.html'), 'utf8')
    const refs = new Set<string>()
    for (const m of html.matchAll(/<script[^>]*\ssrc="([^"]+\.js)"/g)) refs.add(m[1])
    for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g)) refs.add(m[1])
    for (const m of html.matchAll(/<link[^>]*href="([^"]+\.js)"[^>]*rel="modulepreload"/g)) refs.add(m[1])
    const gz = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length
    const files = [...refs].map((ref) => {
      const path = join(out, ref.replace(/^\//, ''))
      return { file: ref, bytes: readFileSync(path).length, gzipBytes: gz(path) }
    })
    const allJs = readdirSync(join(out, 'assets')).filter((f) => f.endsWith('.js'))
    return {
      files,
      initialJsBytes: files.reduce((a, f) => a + f.bytes, 0),
      initialJsGzipBytes: files.reduce((a, f) => a + f.gzipBytes, 0),
      allJsGzipBytes: allJs.reduce((a, f) => a + gz(join(out, 'assets', f)), 0),
    }
  } catch (err) {
    const e = err as { stderr?: Buffer; message: string }
    const stderr = (e.stderr?.toString() ?? '').split('\n').filter((l) => l.trim() && !/^npm warn/i.test(l)).join('\n')
    return { files: [], initialJsBytes: NaN, initialJsGzipBytes: NaN, allJsGzipBytes: NaN, error: (stderr || e.message).slice(0, 2000) }
  } finally {
    rmSync(out, { recursive: true, force: true })
  }
}
