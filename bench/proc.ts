// Server resource figures read from /proc (Linux): CPU ticks (utime + stime) and memory.
import { readFileSync } from 'node:fs'
import { execSync } from 'node:child_process'

let clkTck = 100
try { clkTck = Number(execSync('getconf CLK_TCK').toString().trim()) || 100 } catch { /* default */ }

export interface ProcSample { at: number; cpuSeconds: number; rssKb: number; hwmKb: number }

export function sampleProc(pid: number): ProcSample {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  // Fields after the command name "(…)", which may contain spaces: state is field 3, utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const ticks = Number(fields[11]) + Number(fields[12])
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN)
  return { at: performance.timeOrigin + performance.now(), cpuSeconds: ticks / clkTck, rssKb: kb('VmRSS'), hwmKb: kb('VmHWM') }
}

/** CPU use between two samples, as % of one core. */
export function cpuPercent(a: ProcSample, b: ProcSample): number {
  return (100 * (b.cpuSeconds - a.cpuSeconds)) / ((b.at - a.at) / 1000)
}

/** Whole-machine CPU busy time (all cores, seconds) and CPU pressure ("some", µs) from /proc. */
export interface MachineSample { at: number; busySeconds: number; pressureSomeUs: number }

export function sampleMachine(): MachineSample {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number)
  // user nice system idle iowait irq softirq steal …: busy = all but idle and iowait.
  const busy = cpu.reduce((a, b) => a + b, 0) - cpu[3] - (cpu[4] ?? 0)
  let pressure = NaN
  try { pressure = Number(/^some .*total=(\d+)/m.exec(readFileSync('/proc/pressure/cpu', 'utf8'))?.[1] ?? NaN) } catch { /* no PSI */ }
  return { at: performance.timeOrigin + performance.now(), busySeconds: busy / clkTck, pressureSomeUs: pressure }
}
