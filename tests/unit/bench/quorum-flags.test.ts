// The bench runs Quorum with the node flags `npm start` gives it, read from that checkout's package.json.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startNodeFlags } from '../../../bench/servers/quorum'

function checkout(start: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'quorum-flags-'))
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ scripts: { start } }))
  return dir
}

describe('Quorum bench launcher', () => {
  it('passes the start script\'s node flags, without the source-map flag', () => {
    expect(startNodeFlags(checkout('node scripts/build-server.mjs && node --max-semi-space-size=2 --enable-source-maps dist/server/index.mjs')))
      .toEqual(['--max-semi-space-size=2'])
    expect(startNodeFlags(checkout('node dist/server/index.mjs'))).toEqual([])
    expect(startNodeFlags(checkout('tsx server/index.ts'))).toEqual([])
  })

  it('reads this checkout\'s npm start, which needs no node flag', () => {
    expect(startNodeFlags(resolve(import.meta.dirname, '../../..'))).toEqual([])
  })
})
