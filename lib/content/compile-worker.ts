// A compile worker (compile-pool.ts): builds the glossary index it is given once, then compiles each batch of
// files it is sent and replies with their results, in order. Bundled beside the CLI by scripts/run-bundled.mjs.
import { parentPort, workerData } from 'node:worker_threads'
import { compileBody } from '@/lib/content/compile'
import { buildGlossaryIndex } from '@/lib/content/glossary'
import type { BatchReply, BatchRequest, WorkerSetup } from '@/lib/content/compile-pool'

const port = parentPort
if (!port) throw new Error('compile-worker.ts runs only as a worker thread')
const glossary = buildGlossaryIndex((workerData as WorkerSetup).terms)
port.on('message', ({ batch, inputs }: BatchRequest) => {
  const reply: BatchReply = { batch, results: inputs.map((input) => compileBody(input, glossary)) }
  port.postMessage(reply)
})
