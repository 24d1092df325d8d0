import Link from 'next/link'

// Part of every page's RSC payload (the layout's not-found boundary): short class names (app/globals.css).
export default function NotFound() {
  return (
    <div className="notice">
      <p className="notice-kicker">404</p>
      <h1 className="notice-title">Page not found</h1>
      <p className="mt-4 text-slate-600 dark:text-slate-400">
        This answer may have been moved or unpublished. Browse the newest answers or the glossary instead.
      </p>
      <p className="mt-8 flex justify-center gap-4">
        <Link href="/" className="button-primary">
          All answers
        </Link>
        <Link href="/glossary" className="button-secondary">
          Glossary
        </Link>
      </p>
    </div>
  )
}
