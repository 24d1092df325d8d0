// `npm run bench scale`: the answer page (the ALVH answer) under load in each way the site can be served, against
// a bare Next 16 blog post (the peer, bench/next-peer) in the same run; the ingest into each database; and the
// large-site build figures (bench/build.ts). Everything listens on 127.0.0.1, every load lasts a fixed time, and
// every server, cluster and build this starts is stopped or removed at the end, on Ctrl-C too.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { startCluster, stopCluster } from '../scripts/postgres-cluster.mjs'
import { startNextServer, waitForServer } from '../scripts/next-server'
import { assertPortFree, prepareBenchSite } from './bench-site'
import { benchBuild, stopProcess, type BuildBench } from './build'
import { DistSlots } from './dist-slots'
import { browserHeaders, measureLoad, type LoadResult } from './http'
import { benchIngestByDatabase, databaseUrlOn, type IngestByDatabase } from './ingest-by-database'
import { MachineWatch, type MachineActivity } from './machine-activity'
import { buildPeerApp, startPeerApp } from './next-peer-app'
import { measureThroughNginx, probeResponse, type NginxCases, type ResponseProbe } from './scale-nginx'

export interface PageLoad {
  browser: LoadResult
  /** How a request with browser headers was answered right after the load. */
  probe: ResponseProbe
  /** The same load without Accept-Encoding (uncompressed responses). */
  identity?: LoadResult
}

export interface ScaleBench {
  path: string
  connections: number
  durationSeconds: number
  pageBytes: { answer: number; peer: number }
  /** (a) one `next start` on SQLite; (b) one on PostgreSQL; (c), (d) two on PostgreSQL behind nginx. */
  sqlite: PageLoad
  postgresql: PageLoad
  nginx: NginxCases
  /** (e) the peer, measured first and again after the others (how much the machine drifted meanwhile). */
  peer: PageLoad & { browserAgain: LoadResult }
  buildSeconds: { peer: number; sqlite: number; postgresql: number }
  /** Who else used the CPU while the loads ran (2 shared cores), overall and per row (phase labels a … e again). */
  duringLoads: MachineActivity
  ingest: IngestByDatabase
  largeSite: BuildBench
}

export interface ScaleOptions {
  /** First of ten ports: +0 SQLite, +1 PostgreSQL, +2/+3 the instances behind nginx, +4 nginx, +5 peer, +6 large site. */
  basePort: number
  durationSeconds: number
  largeSiteAnswers: number
}

async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    await client.query(`CREATE DATABASE ${name}`)
  } finally {
    await client.end()
  }
  return databaseUrlOn(adminUrl, name)
}

async function timedBuild<T>(build: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const started = performance.now()
  const value = await build()
  return { value, seconds: Math.round((performance.now() - started) / 100) / 10 }
}

async function pageBytes(url: string): Promise<number> {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`${url} answered ${response.status}`)
  return Buffer.byteLength(await response.text())
}

export async function benchScale(options: ScaleOptions): Promise<ScaleBench> {
  const { basePort: port, durationSeconds } = options
  for (let offset = 0; offset <= 6; offset++) await assertPortFree(port + offset)
  const dir = mkdtempSync(path.join(tmpdir(), 'ask-kb-bench-scale-'))
  // nginx's workers run as nobody when it is started as root: they must pass through here to its cache folder.
  chmodSync(dir, 0o711)
  const slots = new DistSlots(['sqlite', 'postgresql'])
  let cluster: Awaited<ReturnType<typeof startCluster>> | undefined
  const cleanUp = () => {
    if (cluster) stopCluster(cluster.dir)
    cluster = undefined
    slots.restore()
    rmSync(dir, { recursive: true, force: true })
  }
  const onSignal = (signal: NodeJS.Signals) => {
    cleanUp()
    process.kill(process.pid, signal)
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  const url = (offset: number) => `http://127.0.0.1:${port + offset}`
  let result: Omit<ScaleBench, 'largeSite'>
  try {
    cluster = await startCluster()
    const adminUrl = cluster.url
    const ingest = await benchIngestByDatabase(adminUrl, 1000)

    const peerBuild = await timedBuild(async () => buildPeerApp(path.join(dir, 'peer')))
    const sqliteBuild = await timedBuild(() => prepareBenchSite(path.join(dir, 'sqlite'), url(0), { reuseBuild: false }))
    slots.keep('sqlite')
    const postgresUrl = await createDatabase(adminUrl, 'bench_site')
    // Readers of the PostgreSQL build come through nginx: that is its address.
    const postgresBuild = await timedBuild(() => prepareBenchSite(path.join(dir, 'postgresql'), url(4), { reuseBuild: false, databaseUrl: postgresUrl }))
    slots.keep('postgresql')
    const answerPath = sqliteBuild.value.alvh.path

    const watch = new MachineWatch(() => (cluster ? [cluster.dir, dir] : [dir]))
    const measureRow = async (label: string, target: string, headers: Record<string, string> = browserHeaders) => {
      watch.begin(label)
      const load = await measureLoad(target, durationSeconds, headers)
      watch.begin('')
      return load
    }
    const peerUrl = `${url(5)}/`
    const answerUrl = (offset: number) => `${url(offset)}${answerPath}`
    const peerServer = startPeerApp(peerBuild.value, port + 5)
    try {
      await waitForServer(peerUrl)
      const peerBrowser = await measureRow('e', peerUrl)
      const peerIdentity = await measureRow('e identity', peerUrl, {})

      const sqlite = await slots.use('sqlite', async () => {
        const server = startNextServer(port, { host: '127.0.0.1', env: { DATABASE_URL: sqliteBuild.value.databaseUrl, SITE_URL: url(0) }, quiet: true })
        try {
          await waitForServer(answerUrl(0))
          const bytes = await pageBytes(answerUrl(0))
          const browser = await measureRow('a', answerUrl(0))
          const probe = await probeResponse(answerUrl(0))
          return { bytes, load: { browser, probe, identity: await measureRow('a identity', answerUrl(0), {}) } }
        } finally {
          await stopProcess(server)
        }
      })

      const { postgresql, nginx } = await slots.use('postgresql', async () => {
        const server = startNextServer(port + 1, { host: '127.0.0.1', env: { DATABASE_URL: postgresUrl, SITE_URL: url(4) }, quiet: true })
        let postgresql: PageLoad
        try {
          await waitForServer(answerUrl(1))
          postgresql = { browser: await measureRow('b', answerUrl(1)), probe: await probeResponse(answerUrl(1)) }
        } finally {
          await stopProcess(server)
        }
        const nginx = await measureThroughNginx({
          databaseUrl: postgresUrl,
          instancePorts: [port + 2, port + 3],
          nginxPort: port + 4,
          workDir: path.join(dir, 'nginx'),
          env: { SITE_URL: url(4) },
          path: answerPath,
          durationSeconds,
          beginPhase: (label) => watch.begin(label),
        })
        return { postgresql, nginx }
      })

      const peerAgain = await measureRow('e again', peerUrl)
      result = {
        path: answerPath,
        connections: 50,
        durationSeconds,
        pageBytes: { answer: sqlite.bytes, peer: await pageBytes(peerUrl) },
        sqlite: sqlite.load,
        postgresql,
        nginx,
        peer: { browser: peerBrowser, identity: peerIdentity, browserAgain: peerAgain, probe: await probeResponse(peerUrl) },
        buildSeconds: { peer: peerBuild.seconds, sqlite: sqliteBuild.seconds, postgresql: postgresBuild.seconds },
        duringLoads: watch.end(),
        ingest,
      }
    } finally {
      await stopProcess(peerServer)
    }
  } finally {
    cleanUp()
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
  // Last and alone: the heaviest step, with nothing else of ours running.
  const largeSite = await benchBuild(options.largeSiteAnswers, 7, port + 6)
  return { ...result, largeSite }
}
