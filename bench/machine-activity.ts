// What else used the CPU while a benchmark ran: on a 2-core machine shared with other sessions, a figure means
// little without it. Reads /proc (Linux): CPU seconds per process between two snapshots, this process's own tree
// (servers, nginx, autocannon's workers) left out.
import { readdirSync, readFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'

interface ProcessSample {
  ppid: number
  command: string
  cpuTicks: number
}

export interface OtherProcess {
  pid: number
  command: string
  cpuSeconds: number
}

export interface MachineActivity {
  seconds: number
  loadAverage: { start: number; end: number }
  /** CPU seconds used by processes outside this benchmark, busiest first (the top few). */
  others: OtherProcess[]
  /** Their total, as a share of the machine (all cores) over the interval. */
  othersShareOfMachine: number
}

const ticksPerSecond = 100 // USER_HZ on Linux

function snapshot(): Map<number, ProcessSample> {
  const samples = new Map<number, ProcessSample>()
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      const command = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0').join(' ').trim() || stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
      // After the command: state, ppid, ..., utime (field 14) and stime (15), counted from 1 with pid and comm.
      samples.set(Number(name), { ppid: Number(fields[1]), command, cpuTicks: Number(fields[11]) + Number(fields[12]) })
    } catch {
      // The process ended while we looked.
    }
  }
  return samples
}

/** A descendant of this process, or of a daemon whose command line names one of our folders (PostgreSQL's `-D`). */
function isOurs(pid: number, processes: Map<number, ProcessSample>, markers: () => string[]): boolean {
  for (let current: number | undefined = pid; current !== undefined && current > 1; current = processes.get(current)?.ppid) {
    if (current === process.pid) return true
    const command = processes.get(current)?.command ?? ''
    if (markers().some((marker) => command.includes(marker))) return true
  }
  return false
}

/**
 * Call at the start; the function it returns measures up to now. `markers` (asked at the end) are paths that
 * appear in the command lines of daemons this benchmark started, which are not its children.
 */
export function watchMachine(markers: () => string[] = () => []): () => MachineActivity {
  const before = snapshot()
  const started = performance.now()
  const loadAtStart = loadavg()[0] ?? 0
  return () => {
    const after = snapshot()
    const seconds = (performance.now() - started) / 1000
    const others: OtherProcess[] = []
    for (const [pid, sample] of after) {
      if (isOurs(pid, after, markers)) continue
      const used = (sample.cpuTicks - (before.get(pid)?.cpuTicks ?? 0)) / ticksPerSecond
      if (used > 0.5) others.push({ pid, command: sample.command.slice(0, 80), cpuSeconds: Math.round(used * 10) / 10 })
    }
    others.sort((a, b) => b.cpuSeconds - a.cpuSeconds)
    const total = others.reduce((sum, other) => sum + other.cpuSeconds, 0)
    const cores = cpus().length
    return {
      seconds: Math.round(seconds),
      loadAverage: { start: Math.round(loadAtStart * 100) / 100, end: Math.round((loadavg()[0] ?? 0) * 100) / 100 },
      others: others.slice(0, 6),
      othersShareOfMachine: Math.round((total / (seconds * cores)) * 1000) / 1000,
    }
  }
}
