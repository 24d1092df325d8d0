// `node --conditions=react-server scripts/run-bundled.mjs <entry.ts> [args]`: runs a TypeScript entry point with
// plain node from an esbuild bundle kept in .cache/bundles, rebuilt only when a file it was built from changed.
// tsx costs ~0.5 s of start-up on every editor command, and resolving and loading the MDX toolchain's ~550
// small modules one by one costs more than loading them as one file; checking the bundle takes milliseconds.
// Plain JavaScript on purpose: this file is what lets the TypeScript run without a loader.
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const cacheDir = path.join(root, '.cache', 'bundles')
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex')

/**
 * Never a stack trace. Errors while modules load (e.g. lib/env.ts rejecting a variable) print their message as
 * written for the user; unexpected ones print "internal error: " and the message joined on one line, up to the
 * first line that starts a trace (as lib/content/internal-error.ts does for the CLIs' own errors).
 */
function fail(error, prefix = '') {
  const message = error instanceof Error ? error.message : String(error)
  if (!prefix) console.error(message)
  else {
    const lines = message.split('\n').map((line) => line.trim())
    const traceStart = lines.findIndex((line) => /^(at\s|\d+:\s)/.test(line))
    console.error(`${prefix}${(traceStart === -1 ? lines : lines.slice(0, traceStart)).filter(Boolean).join(' ')}`)
  }
  process.exit(1)
}

// Native and wasm-loading packages stay outside the bundle (they find their files beside their own code).
const external = ['better-sqlite3', 'pg', '@prisma/*', 'esbuild']
const isDependency = (file) => file.split(path.sep).includes('node_modules')

// What, besides our own sources, decides the output: this launcher, the path aliases and the installed packages
// (npm rewrites node_modules/.package-lock.json on every install, so it stands for every file in node_modules).
function builderKey() {
  const installed = ['node_modules/.package-lock.json', 'package-lock.json'].find((file) => existsSync(path.join(root, file)))
  const parts = [fileURLToPath(import.meta.url), path.join(root, 'tsconfig.json'), ...(installed ? [path.join(root, installed)] : [])]
  return sha256(parts.map((file) => sha256(readFileSync(file))).join('\0'))
}

function readManifest(manifestPath) {
  try {
    return JSON.parse(readFileSync(manifestPath, 'utf8'))
  } catch {
    return undefined
  }
}

function isFresh(manifest, builder) {
  if (!manifest || manifest.builder !== builder) return false
  if (!existsSync(path.join(cacheDir, manifest.dir, 'main.mjs'))) return false // the bundle itself was deleted
  try {
    return Object.entries(manifest.inputs).every(([file, hash]) => sha256(readFileSync(path.join(root, file))) === hash)
  } catch {
    return false // an input was deleted or renamed
  }
}

async function build(entry, manifestPath, builder) {
  const { build: esbuild } = await import('esbuild')
  const inputs = {}
  // Hash exactly the bytes esbuild compiles, so an edit made during the build is caught by the next run.
  const recordInputs = {
    name: 'record-inputs',
    setup(plugin) {
      plugin.onLoad({ filter: /\.([cm]?[jt]sx?|json)$/ }, (args) => {
        if (isDependency(args.path)) return undefined // covered by the builder key
        const contents = readFileSync(args.path)
        inputs[path.relative(root, args.path)] = sha256(contents)
        return { contents, loader: 'default' }
      })
    },
  }
  const staging = path.join(cacheDir, `.staging-${process.pid}-${randomBytes(4).toString('hex')}`)
  try {
    await esbuild({
      // The compile workers' script sits beside every chunk, so lib/content/compile-pool.ts can start it.
      entryPoints: { main: path.join(root, entry), 'compile-worker': path.join(root, 'lib/content/compile-worker.ts') },
      absWorkingDir: root,
      bundle: true,
      splitting: true, // dynamic imports stay separate chunks, loaded only when a command needs them
      format: 'esm',
      platform: 'node',
      target: 'node20',
      external,
      conditions: ['react-server'], // as `node --conditions=react-server`: server-only resolves to its empty module
      // Bundled CommonJS packages call require() for node built-ins; ESM output has no require of its own.
      banner: { js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);" },
      outdir: staging,
      outExtension: { '.js': '.mjs' },
      sourcemap: false,
      logLevel: 'silent',
      plugins: [recordInputs],
    })
  } catch (error) {
    rmSync(staging, { recursive: true, force: true })
    const first = error.errors?.[0]
    if (!first) throw error
    const where = first.location ? `${first.location.file}:${first.location.line}:${first.location.column + 1} ` : ''
    throw new Error(`cannot bundle ${entry}: ${where}${first.text}`)
  }
  const key = sha256(builder + JSON.stringify(Object.entries(inputs).sort()))
  const dir = path.join(cacheDir, `${path.basename(manifestPath, '.json')}-${key.slice(0, 16)}`)
  try {
    renameSync(staging, dir)
  } catch {
    rmSync(staging, { recursive: true, force: true }) // another process built the same sources first
  }
  const manifest = { builder, inputs, dir: path.relative(cacheDir, dir) }
  const temporary = `${manifestPath}.${process.pid}.tmp`
  writeFileSync(temporary, JSON.stringify(manifest))
  renameSync(temporary, manifestPath)
  removeOldBundles(path.basename(manifestPath, '.json'), manifest.dir)
  return manifest
}

// Old builds are removed after an hour, not at once: a command started from one may still load its chunks.
function removeOldBundles(name, keep) {
  for (const entry of readdirSync(cacheDir)) {
    const full = path.join(cacheDir, entry)
    const stale = entry !== keep && (entry.startsWith(`${name}-`) || entry.startsWith('.staging-'))
    if (stale && Date.now() - statSync(full).mtimeMs > 3600 * 1000) rmSync(full, { recursive: true, force: true })
  }
}

const [entry, ...args] = process.argv.slice(2)
if (!entry) fail('usage: node --conditions=react-server scripts/run-bundled.mjs <entry.ts> [args]')
process.on('uncaughtException', (error) => fail(error, 'internal error: '))
process.on('unhandledRejection', (error) => fail(error, 'internal error: '))

mkdirSync(cacheDir, { recursive: true })
const manifestPath = path.join(cacheDir, `${entry.replace(/\.[cm]?[jt]sx?$/, '').replace(/[^a-zA-Z0-9]+/g, '-')}.json`)
const builder = builderKey()
let manifest = readManifest(manifestPath)
try {
  if (!isFresh(manifest, builder)) manifest = await build(entry, manifestPath, builder)
} catch (error) {
  fail(error, 'internal error: ')
}
process.argv = [process.argv[0], path.join(root, entry), ...args]
try {
  await import(pathToFileURL(path.join(cacheDir, manifest.dir, 'main.mjs')).href)
} catch (error) {
  // Errors while modules load, e.g. an invalid environment variable: lib/env.ts words them for the user.
  fail(error)
}
