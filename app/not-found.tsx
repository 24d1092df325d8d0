import Link from 'next/link'

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <p className="text-sm font-semibold tracking-wide text-sky-700 uppercase dark:text-sky-300">404</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight text-slate-900 dark:text-white">Page not found</h1>
      <p className="mt-4 text-slate-600 dark:text-slate-400">
        This answer may have been moved or unpublished. Browse the newest answers or the glossary instead.
      </p>
      <p className="mt-8 flex justify-center gap-4">
        <Link href="/" className="rounded-md bg-sky-700 px-4 py-2 font-medium text-white hover:bg-sky-800">
          All answers
        </Link>
        <Link href="/glossary" className="rounded-md border border-slate-300 px-4 py-2 font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-900">
          Glossary
        </Link>
      </p>
    </div>
  )
}
