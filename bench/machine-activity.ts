// What else used the CPU while a benchmark ran: on a 2-core machine shared with other sessions, a figure means
// little without it. Samples /proc (Linux) every second, so a process that starts and ends in between (another
// session's build) still counts, and splits the time into named phases (one per measured row). This process's own
// tree (servers, nginx, autocannon) and the daemons it started are left out of "others".
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
  /** CPU used by processes outside this benchmark, as a share of the whole machine (all cores), per phase and overall. */
  othersShare: number
  phases: Record<string, number>
  /** The busiest of them, over the whole time. */
  others: OtherProcess[]
}

const ticksPerSecond = 100 // USER_HZ on Linux
const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits

function snapshot(): Map<number, ProcessSample> {
  const samples = new Map<number, ProcessSample>()
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      // After "pid (comm) ": state, ppid, ..., utime and stime (fields 14 and 15 of stat, 12th and 13th here).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      const command = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0').join(' ').trim() || stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
      samples.set(Number(name), { ppid: Number(fields[1]), command, cpuTicks: Number(fields[11]) + Number(fields[12]) })
    } catch {
      // The process ended while we looked.
    }
  }
  return samples
}

export class MachineWatch {
  private last = snapshot()
  private readonly started = performance.now()
  private readonly loadAtStart = loadavg()[0] ?? 0
  private readonly othersByPid = new Map<number, OtherProcess>()
  private readonly phaseTicks = new Map<string, { ticks: number; ms: number }>()
  private phase = { label: '', since: performance.now() }
  private othersTicks = 0
  private readonly timer = setInterval(() => this.sample(), 1000)

  /** `markers`: paths in the command lines of daemons this benchmark started (PostgreSQL's `-D` folder). */
  constructor(private readonly markers: () => string[]) {
    this.timer.unref()
  }

  private isOurs(pid: number, processes: Map<number, ProcessSample>): boolean {
    const markers = this.markers()
    for (let current: number | undefined = pid; current !== undefined && current > 1; current = processes.get(current)?.ppid) {
      if (current === process.pid) return true
      const command = processes.get(current)?.command ?? ''
      if (markers.some((marker) => command.includes(marker))) return true
    }
    return false
  }

  private sample(): void {
    const now = snapshot()
    let ticks = 0
    for (const [pid, sample] of now) {
      const used = sample.cpuTicks - (this.last.get(pid)?.cpuTicks ?? 0)
      if (used <= 0 || this.isOurs(pid, now)) continue
      ticks += used
      const other = this.othersByPid.get(pid) ?? { pid, command: sample.command.slice(0, 90), cpuSeconds: 0 }
      other.cpuSeconds += used / ticksPerSecond
      this.othersByPid.set(pid, other)
    }
    this.last = now
    this.othersTicks += ticks
    const current = this.phaseTicks.get(this.phase.label) ?? { ticks: 0, ms: 0 }
    current.ticks += ticks
    this.phaseTicks.set(this.phase.label, current)
  }

  private closePhase(): void {
    this.sample()
    const current = this.phaseTicks.get(this.phase.label) ?? { ticks: 0, ms: 0 }
    current.ms += performance.now() - this.phase.since
    this.phaseTicks.set(this.phase.label, current)
  }

  /** Time from now on counts for `label` (until the next phase or the end). */
  begin(label: string): void {
    this.closePhase()
    this.phase = { label, since: performance.now() }
  }

  end(): MachineActivity {
    this.closePhase()
    clearInterval(this.timer)
    const seconds = (performance.now() - this.started) / 1000
    const share = (ticks: number, ms: number) => (ms > 0 ? round(ticks / ticksPerSecond / ((ms / 1000) * cpus().length), 3) : 0)
    const phases = Object.fromEntries([...this.phaseTicks].filter(([label]) => label).map(([label, x]) => [label, share(x.ticks, x.ms)]))
    const others = [...this.othersByPid.values()].sort((a, b) => b.cpuSeconds - a.cpuSeconds).slice(0, 6)
    return {
      seconds: Math.round(seconds),
      loadAverage: { start: round(this.loadAtStart, 2), end: round(loadavg()[0] ?? 0, 2) },
      othersShare: share(this.othersTicks, seconds * 1000),
      phases,
      others: others.map((other) => ({ ...other, cpuSeconds: round(other.cpuSeconds, 1) })),
    }
  }
}
