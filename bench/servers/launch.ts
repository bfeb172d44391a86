// Spawns a server as its own node process and waits for the line that announces its port.
import { spawn } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { RunningServer, ServerKind } from './types'

export const ROOT = resolve(import.meta.dirname, '../..')

export interface SpawnSpec {
  kind: ServerKind
  script: string
  /** Working directory (default: this checkout). */
  cwd?: string
  nodeArgs?: string[]
  env?: Record<string, string>
  /** Regex with one group capturing the port, matched against stdout. */
  portLine: RegExp
  cleanup?: () => void
}

export async function spawnServer(spec: SpawnSpec): Promise<RunningServer> {
  // A bundle (.mjs) runs on plain node, as `npm start` runs it; TypeScript entry points go through tsx.
  const loader = spec.script.endsWith('.mjs') ? [] : ['--import', 'tsx']
  // BENCH_SERVER_NODE_ARGS (e.g. --trace-gc) adds node flags to every server; BENCH_SERVER_LOG=dir keeps their output.
  const extraArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean)
  const proc = spawn(process.execPath, [...extraArgs, ...(spec.nodeArgs ?? []), ...loader, spec.script], {
    cwd: spec.cwd ?? ROOT,
    env: { ...process.env, ...spec.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  const keep = (d: Buffer) => {
    out += d
    if (out.length > 200_000) out = out.slice(-100_000)
  }
  proc.stdout!.on('data', keep)
  proc.stderr!.on('data', keep)
  const exited = new Promise<void>((r) => proc.once('exit', () => r()))
  const port = await new Promise<number>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`${spec.kind} did not start in 60 s:\n${out}`)), 60_000)
    const onData = () => {
      const m = spec.portLine.exec(out)
      if (m) {
        clearTimeout(timer)
        proc.stdout!.off('data', onData)
        res(Number(m[1]))
      }
    }
    proc.stdout!.on('data', onData)
    proc.once('exit', (code) => {
      clearTimeout(timer)
      rej(new Error(`${spec.kind} exited during start (code ${code}):\n${out}`))
    })
  })
  return {
    kind: spec.kind,
    port,
    url: `http://127.0.0.1:${port}`,
    pid: proc.pid!,
    output: () => out,
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) {
        proc.kill('SIGTERM')
        const killer = setTimeout(() => proc.kill('SIGKILL'), 10_000)
        await exited
        clearTimeout(killer)
      }
      if (process.env.BENCH_SERVER_LOG) {
        mkdirSync(process.env.BENCH_SERVER_LOG, { recursive: true })
        writeFileSync(join(process.env.BENCH_SERVER_LOG, `${spec.kind}-${Date.now()}.log`), out)
      }
      spec.cleanup?.()
    },
  }
}

/** For reference-server entry files: true when this module is the process's main script. */
export function isMain(metaFilename: string): boolean {
  return resolve(process.argv[1] ?? '') === metaFilename
}
