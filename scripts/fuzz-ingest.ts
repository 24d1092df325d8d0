// Fuzzes the ingest with generated hostile files (tests/helpers/hostile/) and prints, per class, how many
// cases ran and which invariants failed, then every failing case and a shrunk repro per kind of failure.
//
//   tsx --conditions=react-server scripts/fuzz-ingest.ts [--seed 1] [--count 20000] [--class nesting,odd-yaml]
//   tsx --conditions=react-server scripts/fuzz-ingest.ts --class nesting --seed 1 --index 42   (replay one case)
// --timeout MS changes the per-case CPU limit (default 5000), e.g. to measure how long a slow case really takes;
// --verbose prints every case with its CPU time.
import { parseArgs } from 'node:util'
import { z } from 'zod'
import type { HostileCase } from '@/tests/helpers/hostile/base'
import { generateCase, hostileClasses, hostileClassNames, type HostileClassName } from '@/tests/helpers/hostile/classes'
import type { Invariant } from '@/tests/helpers/hostile/invariants'
import { createCaseRunner, perFileTimeoutMs, type CaseRunner } from '@/tests/helpers/hostile/runner'

const options = z
  .object({
    seed: z.coerce.number().int().nonnegative().default(1),
    count: z.coerce.number().int().positive().default(20_000),
    class: z
      .string()
      .default(hostileClassNames.join(','))
      .transform((list) => list.split(','))
      .pipe(z.array(z.enum(hostileClassNames as [HostileClassName, ...HostileClassName[]]))),
    index: z.coerce.number().int().nonnegative().optional(),
    shrink: z.coerce.number().int().nonnegative().default(300),
    timeout: z.coerce.number().int().positive().default(perFileTimeoutMs),
    verbose: z.boolean().default(false),
  })
  .parse(
    parseArgs({
      options: { seed: { type: 'string' }, count: { type: 'string' }, class: { type: 'string' }, index: { type: 'string' }, shrink: { type: 'string' }, timeout: { type: 'string' }, verbose: { type: 'boolean' } },
    }).values,
  )

// Classes with a fixed set of inputs run each input (twice for nesting, once per format); the random classes
// share the rest of the count.
const finiteRuns: Partial<Record<HostileClassName, number>> = {
  nesting: hostileClasses.nesting.templates * 2,
  'long-lines': hostileClasses['long-lines'].templates * 2,
  truncation: hostileClasses.truncation.templates,
  'odd-paths': hostileClasses['odd-paths'].templates,
}

function plannedCounts(classes: readonly HostileClassName[], count: number): Map<HostileClassName, number> {
  const fixed = classes.filter((name) => finiteRuns[name] !== undefined)
  const random = classes.filter((name) => finiteRuns[name] === undefined)
  const fixedTotal = fixed.reduce((sum, name) => sum + (finiteRuns[name] ?? 0), 0)
  const perRandom = random.length > 0 ? Math.max(1, Math.floor((count - fixedTotal) / random.length)) : 0
  return new Map(classes.map((name) => [name, finiteRuns[name] ?? perRandom]))
}

// Whether a failure still happens once part of the input is gone is only meaningful for invariants that no
// input may break; "expected valid/invalid" depends on the whole file, and a hang costs the timeout per probe.
const shrinkable = new Set<Invariant>(['no-throw', 'no-internal-error', 'problem-file', 'problem-position', 'message-one-line', 'message-no-control-chars', 'sentinel-reported', 'control-clean', 'no-prototype-pollution'])

/** Delta debugging over bytes: drop chunks while the same invariant still fails, halving the chunk size. */
async function shrink(runner: CaseRunner, hostile: HostileCase, invariant: Invariant, budget: number): Promise<{ content: Buffer; probes: number }> {
  let content = hostile.content
  let probes = 0
  let chunk = Math.max(1, Math.floor(content.length / 2))
  while (probes < budget) {
    let removed = false
    for (let start = 0; start < content.length && probes < budget; ) {
      const candidate = Buffer.concat([content.subarray(0, start), content.subarray(start + chunk)])
      probes++
      const outcome = await runner.run({ ...hostile, content: candidate })
      if (outcome.violations.some((v) => v.invariant === invariant)) {
        content = candidate
        removed = true
      } else {
        start += chunk
      }
    }
    if (!removed) {
      if (chunk === 1) break
      chunk = Math.max(1, Math.floor(chunk / 2))
    }
  }
  return { content, probes }
}

const preview = (content: Buffer, max = 400) => {
  const text = JSON.stringify(content.toString('utf8'))
  return text.length > max ? `${text.slice(0, max)}… (${content.length} bytes)` : text
}

interface Failure {
  hostile: HostileCase
  invariant: Invariant
  detail: string
}

async function main(): Promise<number> {
  const runner = createCaseRunner(options.timeout)
  try {
    if (options.index !== undefined) {
      for (const name of options.class) {
        const hostile = generateCase(name, options.seed, options.index)
        const outcome = await runner.run(hostile)
        console.log(`${name} seed=${options.seed} index=${options.index}: ${hostile.label} [${hostile.relPath}, expect ${hostile.expect}] ${Math.round(outcome.cpuMs)} ms CPU, ${Math.round(outcome.wallMs)} ms wall`)
        console.log(`content: ${preview(hostile.content, 2000)}`)
        for (const problem of outcome.problems) console.log(`problem: ${problem.line}:${problem.column} ${JSON.stringify(problem.message.slice(0, 300))}`)
        for (const v of outcome.violations) console.log(`VIOLATION ${v.invariant}: ${v.detail}`)
      }
      return 0
    }
    const planned = plannedCounts(options.class, options.count)
    const failures: Failure[] = []
    const started = performance.now()
    console.log(`seed ${options.seed}; cases per class: ${[...planned].map(([name, n]) => `${name} ${n}`).join(', ')}`)
    for (const [name, count] of planned) {
      const expectations = { valid: 0, invalid: 0, unknown: 0 }
      const byInvariant = new Map<Invariant, number>()
      let failing = 0
      let slowest = { ms: 0, label: '' }
      let cpuTotal = 0
      for (let index = 0; index < count; index++) {
        const hostile = generateCase(name, options.seed, index)
        expectations[hostile.expect]++
        const outcome = await runner.run(hostile)
        cpuTotal += outcome.cpuMs
        if (outcome.cpuMs > slowest.ms) slowest = { ms: outcome.cpuMs, label: hostile.label }
        if (options.verbose) console.log(`  ${name} ${index}: ${Math.round(outcome.cpuMs)} ms CPU, ${outcome.problems.length} problems, ${outcome.violations.length} violations: ${hostile.label}`)
        const invariants = new Set(outcome.violations.map((v) => v.invariant))
        if (invariants.size > 0) failing++
        for (const invariant of invariants) {
          byInvariant.set(invariant, (byInvariant.get(invariant) ?? 0) + 1)
          const first = outcome.violations.find((v) => v.invariant === invariant)
          failures.push({ hostile, invariant, detail: first?.detail ?? '' })
        }
      }
      const counts = [...byInvariant].map(([invariant, n]) => `${invariant} ${n}`).join(', ') || 'none'
      console.log(
        `${name}: ${count} cases (expected valid ${expectations.valid}, invalid ${expectations.invalid}, either ${expectations.unknown}); failing ${failing}; by invariant: ${counts}; CPU ${(cpuTotal / 1000).toFixed(1)} s, slowest ${Math.round(slowest.ms)} ms CPU (${slowest.label})`,
      )
    }
    console.log(`\n${failures.length} failures in ${((performance.now() - started) / 1000).toFixed(0)} s`)
    for (const f of failures) {
      console.log(`FAIL ${f.invariant} --class ${f.hostile.className} --seed ${f.hostile.seed} --index ${f.hostile.index}: ${f.hostile.label}: ${f.detail.slice(0, 300)}`)
    }

    // One shrunk repro per kind of failure: same class, invariant and generator label with the numbers blanked.
    const groups = new Map<string, Failure>()
    for (const f of failures) groups.set(`${f.invariant} ${f.hostile.label.replace(/\d+/g, 'N')}`, groups.get(`${f.invariant} ${f.hostile.label.replace(/\d+/g, 'N')}`) ?? f)
    console.log(`\n${groups.size} kinds of failure`)
    for (const [key, f] of groups) {
      console.log(`\n== ${key} (e.g. --class ${f.hostile.className} --seed ${f.hostile.seed} --index ${f.hostile.index}; ${f.hostile.relPath})`)
      console.log(`   ${f.detail.slice(0, 300)}`)
      if (shrinkable.has(f.invariant) && f.hostile.content.length < 200_000 && options.shrink > 0) {
        const { content, probes } = await shrink(runner, f.hostile, f.invariant, options.shrink)
        console.log(`   minimal (${probes} probes, ${f.hostile.content.length} → ${content.length} bytes): ${preview(content)}`)
      } else {
        console.log(`   input: ${preview(f.hostile.content, 300)}`)
      }
    }
    return failures.length > 0 ? 1 : 0
  } finally {
    await runner.close()
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error))
    process.exit(2)
  },
)
