// Answers left out of the build (only the most-read are pre-rendered) render on their first request and are cached
// from then on, with their Content-Security-Policy; unknown slugs still get the pre-rendered 404 and are not stored.
// The answer under test is ingested while the server runs, so it cannot have been pre-rendered.
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, test } from '@playwright/test'

// A new slug each run: a page cached by an earlier run against the same build would otherwise answer.
const slug = `added-after-the-build-${Date.now().toString(36)}`
const answer = `---
title: "How does an answer added after the build reach its first reader?"
slug: ${slug}
category: VIX Hedging
tags: [vix, hedging]
author: VixShield Research Team
publishedAt: 2026-01-05
summary: "It renders on the first request and is served from the page cache after that."
---

An answer that was not part of the build renders when a reader first asks for it. The VIX level it discusses is
only an example; what matters here is that the second reader gets the cached copy.
`

const contentDir = mkdtempSync(path.join(tmpdir(), 'ask-kb-e2e-prerender-'))
const databaseUrl = process.env.DATABASE_URL ?? 'file:./data/kb.db'
// Files the build or the page cache wrote for an answer's page (pre-rendered: server/app; cached: server/route-cache).
const storedFiles = (name: string) =>
  readdirSync(path.join('.next', 'server'), { recursive: true, encoding: 'utf8' }).filter((file) => path.basename(file).startsWith(`${name}.`))

function ingest(dir: string): void {
  const run = spawnSync(process.execPath, ['--conditions=react-server', 'scripts/run-bundled.mjs', 'lib/content/cli.ts', 'ingest'], {
    env: { ...process.env, CONTENT_DIR: dir, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
    timeout: 120_000,
  })
  if (run.status !== 0) throw new Error(`ingest failed: ${run.stderr || run.stdout}`)
}

test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  test.setTimeout(180_000)
  cpSync('content', contentDir, { recursive: true })
  writeFileSync(path.join(contentDir, 'answers', 'added-after-the-build.mdx'), answer)
  ingest(contentDir)
  // The server's index of stored slugs is at most 2 s old; after that it knows the new answer.
  await new Promise((resolve) => setTimeout(resolve, 2_500))
})

test.afterAll(() => {
  test.setTimeout(180_000)
  // The real content again: the added answer is unpublished, as if its file had been deleted.
  ingest('content')
  rmSync(contentDir, { recursive: true, force: true })
})

test('an answer not pre-rendered renders on its first request, then comes from the cache with its policy', async ({ request }) => {
  expect(storedFiles(slug)).toEqual([])
  const first = await request.get(`/ask/${slug}`)
  expect(first.status()).toBe(200)
  expect(first.headers()['x-nextjs-cache']).toBe('MISS')
  expect(await first.text()).toContain('How does an answer added after the build reach its first reader?')
  expect(first.headers()['content-security-policy']).toMatch(/script-src 'self' 'sha256-/)

  const second = await request.get(`/ask/${slug}`)
  expect(second.status()).toBe(200)
  expect(second.headers()['x-nextjs-cache']).toBe('HIT')
  expect(second.headers()['content-security-policy']).toBe(first.headers()['content-security-policy'])
  expect(storedFiles(slug).some((file) => file.endsWith('.html'))).toBe(true)
})

test('its Open Graph card renders on request too', async ({ request }) => {
  const card = await request.get(`/ask/${slug}/og.png`)
  expect(card.status()).toBe(200)
  expect(card.headers()['content-type']).toBe('image/png')
})

test('an unknown slug still gets the 404 page and nothing is stored for it', async ({ request }) => {
  const unknown = `no-such-answer-${Date.now().toString(36)}`
  for (let i = 0; i < 2; i++) {
    const response = await request.get(`/ask/${unknown}`)
    expect(response.status()).toBe(404)
    expect(await response.text()).toMatch(/<h1[^>]*>Page not found<\/h1>/)
  }
  expect(storedFiles(unknown)).toEqual([])
  expect((await request.get(`/ask/${unknown}/og.png`)).status()).toBe(404)
})
