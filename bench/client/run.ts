// `npm run bench:client`: the client at meeting scale, in Chromium. For each roadmap size, one page
// open as an editor while ten remote editors change random fields of random initiatives; reports
// remote-edit → DOM latency, the page's own key presses (Event Timing), long tasks and cold load.
// Options: --sizes=50,500 --seconds=20 --editors=10 --rate=2 --cold=3 --profile (CPU profile of the
// page under load at the largest size) --no-build (use the existing dist/).
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { launchBrowser } from '../../tests/helpers/browser'
import { startServer } from '../../tests/helpers/server'
import { sleep } from '../../tests/helpers/wait'
import { median } from '../stats'
import { startProfile, stopProfile } from './cpu-profile'
import { behindFigures, editLatencies, keyPressDurations, longTaskFigures, newestMarkers, splitOffScreen, summarise, type SizeFigures } from './figures'
import { scrollThroughTable, pageScript } from './page-probes'
import { openRoadmap, readRecord } from './page-session'
import { connectEditors, epochNow, runEdits } from './remote-editors'
import { judge, markdownTable } from './targets'
import { createWorld } from './setup'

const ROOT = resolve(import.meta.dirname, '../..')
const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback
const flag = (name: string) => process.argv.includes(`--${name}`)
const sizes = arg('sizes', '50,500').split(',').map(Number)
const seconds = Number(arg('seconds', '20'))
const editorCount = Number(arg('editors', '10'))
const rate = Number(arg('rate', '2'))
const coldRuns = Number(arg('cold', '3'))
/** After the edits stop, how long the page may take to show the last of them before they count as lost. */
const GRACE_MS = 15_000
const KEY_INTERVAL_MS = 250

if (!flag('no-build')) {
  console.log('building server and client…')
  execFileSync(process.execPath, [join(ROOT, 'scripts/build-server.mjs')], { cwd: ROOT, stdio: 'inherit' })
  execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' })
}

/** The page's editor types into the owner cell of a row no remote editor touches: n keys, then n backspaces. */
async function typeDuringLoad(page: import('playwright-core').Page, untilEpoch: number): Promise<number> {
  let presses = 0
  while (epochNow() < untilEpoch - KEY_INTERVAL_MS) {
    await page.keyboard.press(Math.floor(presses / 10) % 2 === 0 ? 'x' : 'Backspace')
    presses++
    await sleep(KEY_INTERVAL_MS)
  }
  await page.keyboard.press('Escape') // leave the stored value as it was
  return presses + 1
}

async function benchSize(baseUrl: string, browser: import('playwright-core').Browser, initiatives: number, profile: boolean) {
  console.log(`\n== ${initiatives} initiatives`)
  const world = await createWorld(baseUrl, initiatives, editorCount)
  const coldLoadMs: number[] = []
  // Cold loads in fresh contexts (empty cache), before the load; the last page stays for the run.
  for (let i = 0; i < coldRuns - 1; i++) {
    const cold = await openRoadmap(browser, baseUrl, world.pageUser, world.documentId, initiatives)
    coldLoadMs.push(cold.coldLoadMs)
    await cold.context.close()
  }
  const opened = await openRoadmap(browser, baseUrl, world.pageUser, world.documentId, initiatives)
  coldLoadMs.push(opened.coldLoadMs)
  const { page, transfer } = opened
  console.log(`cold load ${coldLoadMs.map((m) => m.toFixed(0)).join(', ')} ms; JS ${(transfer.jsBytes / 1000).toFixed(1)} kB in ${transfer.jsFiles} files, CSS ${(transfer.cssBytes / 1000).toFixed(1)} kB`)

  const typedRow = (await page.locator('[data-testid="initiative-row"]').first().getAttribute('data-initiative-id'))!
  // Focused while the page is quiet: under the load at 500 rows, locator actions time out.
  await page.locator(`[data-initiative-id="${typedRow}"] input[aria-label="Owner"]`).focus()
  await page.keyboard.press('End')
  const editors = await connectEditors(baseUrl, world.documentId, world.editors)
  await sleep(1000)
  if (profile) await startProfile(opened.cdp)
  const loadStart = epochNow()
  const loadEnd = loadStart + seconds * 1000
  const [sent, presses] = await Promise.all([
    runEdits(editors, world.initiativeIds.filter((id) => id !== typedRow), { durationMs: seconds * 1000, ratePerSecond: rate, seed: initiatives }),
    typeDuringLoad(page, loadStart + seconds * 1000),
  ])
  const cpu = profile ? await stopProfile(opened.cdp) : null

  // The rows the table renders (the page was not scrolled): owner edits to the others are off screen.
  const rendered = new Set(await page.$$eval('[data-testid="initiative-row"]', (rows) => rows.map((r) => r.getAttribute('data-initiative-id') ?? '')))
  const { inDom, offScreen } = splitOffScreen(sent, rendered)
  // Wait for the page to show the newest edit of every field it was sent (or give up after GRACE_MS).
  const newest = newestMarkers(inDom)
  const graceEnd = Date.now() + GRACE_MS
  let record = await readRecord(page)
  while (Date.now() < graceEnd && [...newest.values()].some((m) => record.markers[m] === undefined)) {
    await sleep(250)
    record = await readRecord(page)
  }
  const { latencies, superseded, lost } = editLatencies(inDom, record.markers)
  // Off-screen edits are checked by scrolling the table through: each field must show its newest value.
  const offScreenNewest = newestMarkers(offScreen)
  if (offScreen.length > 0) await page.evaluate(pageScript(scrollThroughTable as (a: never) => unknown))
  const scrolled = await readRecord(page)
  const shownWhenScrolled = [...offScreenNewest.values()].filter((m) => scrolled.markers[m] !== undefined).length
  const keys = keyPressDurations(record, presses, loadStart, loadEnd)
  const tasks = longTaskFigures(record, loadStart, loadEnd)
  const key = summarise(keys)
  const figures: SizeFigures = {
    initiatives,
    coldLoadMs: coldLoadMs.map((m) => Math.round(m)),
    coldLoadMedianMs: Math.round(median(coldLoadMs)!),
    transfer: { jsKB: Math.round(transfer.jsBytes / 100) / 10, jsFiles: transfer.jsFiles, cssKB: Math.round(transfer.cssBytes / 100) / 10, cssFiles: transfer.cssFiles, encodings: transfer.encodings },
    edits: { sent: inDom.length, shown: latencies.length - superseded, superseded, lost },
    offScreen: { sent: offScreen.length, fields: offScreenNewest.size, shownWhenScrolled },
    editToDom: summarise(latencies),
    keyPress: { presses, over16: keys.filter((d) => d > 0).length, p95: key.p95, max: key.max },
    longTaskMsPerSecond: Math.round(tasks.msPerSecond),
    longestTaskMs: Math.round(tasks.longest),
    behindBadge: behindFigures(record, loadStart, loadEnd + GRACE_MS),
  }
  console.log(JSON.stringify(figures))
  for (const e of editors) e.destroy()
  await opened.context.close()
  return { figures, cpu }
}

const server = await startServer({ serveClient: true })
const browser = await launchBrowser()
const results: SizeFigures[] = []
let profileOut = null
try {
  for (const size of sizes) {
    const profile = flag('profile') && size === Math.max(...sizes)
    const { figures, cpu } = await benchSize(server.url, browser, size, profile)
    results.push(figures)
    if (cpu) profileOut = { initiatives: size, ...cpu }
  }
} finally {
  await browser.close()
  await server.dispose()
}

const targets = judge(results)
const report = { when: new Date().toISOString(), options: { sizes, seconds, editors: editorCount, rate, coldRuns }, sizes: results, targets, profile: profileOut }
mkdirSync(join(ROOT, 'bench/results'), { recursive: true })
writeFileSync(join(ROOT, 'bench/results/client-latest.json'), JSON.stringify(report, null, 2) + '\n')
console.log('\n' + markdownTable(results, targets))
if (profileOut) {
  console.log(`\nCPU profile of the page under load at ${profileOut.initiatives} (busy ${profileOut.totalMs - profileOut.idleMs} of ${profileOut.totalMs} ms), top self time:`)
  const { split } = profileOut
  console.log(`main thread (renderer counters): tasks ${split.taskMs} ms, script ${split.scriptMs}, style ${split.styleMs}, layout ${split.layoutMs}, the rest (paint, DOM, native) ${split.taskMs - split.scriptMs - split.styleMs - split.layoutMs}`)
  for (const l of profileOut.lines) console.log(`${String(l.selfMs).padStart(7)} ms ${String(l.share).padStart(5)}%  ${l.fn}  ${l.where}`)
}
console.log('\nwrote bench/results/client-latest.json')
