import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { summarizeBuildFailure } from '@/scripts/build-failure'

// Real outputs of failed `next build` runs of Next 16.4.6, stdout then stderr.
const fixture = (name: string) => readFileSync(`tests/fixtures/next-build/${name}`, 'utf8')

describe('summarizeBuildFailure', () => {
  it('names the page that failed to prerender and its error', () => {
    expect(summarizeBuildFailure(fixture('prerender-error.txt'))).toBe(
      'page /tags/alvh: Expected component `Term` to be defined: you likely forgot to import, pass, or provide it.',
    )
  })

  it('names the file and error of a compile failure', () => {
    expect(summarizeBuildFailure(fixture('turbopack-error.txt'))).toBe('./app: Could not find the Next.js package (next/package.json)')
  })

  it('names the file, position and message of a type error', () => {
    expect(summarizeBuildFailure(fixture('type-error.txt'))).toBe("app/page.tsx(1,7): TS2322: Type 'number' is not assignable to type 'string'.")
  })

  it('falls back to the page of the export line, then to the last error, then says it found none', () => {
    expect(summarizeBuildFailure('Error: boom\nExport encountered an error on /page: /about, exiting the build.')).toBe('page /about: boom')
    expect(summarizeBuildFailure('\u001b[31mTypeError: x is not a function\u001b[39m\nsomething else')).toBe('x is not a function')
    expect(summarizeBuildFailure('Killed')).toBe('next build exited with an error and printed no message')
  })
})
