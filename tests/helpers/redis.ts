// A real redis-server for the tests of several instances: on a free loopback port, without
// persistence (as Quorum needs it: Redis is never on the durability path), stopped and started
// again on the same port to simulate an outage.
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer, type AddressInfo } from 'node:net'

export interface TestRedis {
  port: number
  url: string
  /** The running redis-server's process id (a benchmark measures its CPU). */
  readonly pid: number
  /** Stops the server (SIGKILL: its clients see the connection drop) and waits for the exit. */
  stop(): Promise<void>
  /** Starts it again on the same port; resolves once it accepts connections. */
  start(): Promise<void>
}

const NOT_INSTALLED = 'redis-server is not installed; the tests of several instances need it: apt-get install -y redis-server'

async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as AddressInfo
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  return port
}

export async function startRedis(): Promise<TestRedis> {
  const port = await freePort()
  let proc: ChildProcess | null = null
  let exited: Promise<void> = Promise.resolve()

  const start = () => new Promise<void>((resolve, reject) => {
    const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] })
    proc = child
    exited = new Promise((r) => child.once('exit', () => r()))
    let out = ''
    const timer = setTimeout(() => reject(new Error(`redis-server did not start on port ${port}:\n${out}`)), 20_000)
    child.once('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer)
      reject(new Error(err.code === 'ENOENT' ? NOT_INSTALLED : `redis-server failed to start: ${err.message}`))
    })
    const onOutput = (d: Buffer) => {
      out += d
      if (out.includes('Ready to accept connections')) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout!.on('data', onOutput)
    child.stderr!.on('data', onOutput)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`redis-server exited (${code}) during start:\n${out}`))
    })
  })

  const stop = async () => {
    if (proc && proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL')
    await exited
  }

  await start()
  return { port, url: `redis://127.0.0.1:${port}`, get pid() { return (proc as ChildProcess | null)?.pid ?? 0 }, start, stop }
}
