import { isDatabaseConnectionError } from '@/lib/db-errors'

/**
 * When the stored content last changed, as this server process knows it. Several instances share one database but
 * each keeps its own page cache, and an ingest run on any machine must reach all of them without a restart: every
 * instance reads the ingest revision (IngestState) in the background every `intervalMs`, and a cached page stored
 * before the latest change counts as stale (page-cache-handler.ts), so the next request renders it again.
 */
export interface ContentState {
  revision: number
  /** When the last ingest wrote, by the clock of the machine that ran it (ms since the epoch). */
  updatedAt: number
}

// A render that read the store just before an ingest committed may be stored just after this process saw the
// change; pages stored this soon after it are rendered once more to be sure.
const renderSlackMs = 1000

export class ContentChanges {
  private revision: number | undefined
  private changedAt = 0
  private timer: NodeJS.Timeout | undefined
  private polling = false
  /** Reads fail; `logged` when this said so (a database that cannot be used is logged by lib/db-availability.ts). */
  private failing: false | 'quiet' | 'logged' = false

  constructor(
    private readonly intervalMs: number,
    private readonly read: () => Promise<ContentState>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Pages stored before this time (ms since the epoch) may show older content than the database holds. */
  staleBefore(): number {
    this.start()
    return this.changedAt === 0 ? 0 : this.changedAt + renderSlackMs
  }

  /** Reads the state once now (the timer does it afterwards); resolves when read. */
  async poll(): Promise<void> {
    if (this.polling) return
    this.polling = true
    try {
      const state = await this.read()
      // First sight: the ingest's own clock (pages built before it are older); later changes: the moment seen here,
      // which is never before the ingest committed, whatever the clocks of other machines say.
      if (this.revision === undefined) this.changedAt = state.updatedAt
      else if (state.revision !== this.revision) this.changedAt = this.now()
      this.revision = state.revision
      if (this.failing === 'logged') console.error('Content changes: reading the ingest revision works again')
      this.failing = false
    } catch (error) {
      // Once per outage, not once a second: cached pages keep being served meanwhile.
      if (this.failing) return
      this.failing = isDatabaseConnectionError(error) ? 'quiet' : 'logged'
      if (this.failing === 'logged') console.error(`Content changes: cannot read the ingest revision (${error instanceof Error ? error.message.split('\n')[0] || error.name : String(error)}); cached pages are served as they are`)
    } finally {
      this.polling = false
    }
  }

  stop(): void {
    clearInterval(this.timer)
    this.timer = undefined
  }

  private start(): void {
    if (this.timer) return
    this.timer = setInterval(() => void this.poll(), this.intervalMs)
    this.timer.unref()
    if (this.revision === undefined) void this.poll()
  }
}
