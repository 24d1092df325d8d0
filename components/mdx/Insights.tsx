import type { ReactNode } from 'react'

/** The "actionable insights" box that closes most answers. */
export function Insights({ title = 'Actionable insights', children }: { title?: string; children?: ReactNode }) {
  return (
    <section
      aria-label={title}
      className="insights-box"
    >
      <h2 className="not-prose mb-3 text-base font-semibold text-sky-900 dark:text-sky-200">{title}</h2>
      <div className="prose-li:my-1 [&>*:first-child]:mt-0 [&>*:last-child]:mb-0">
        {children}
      </div>
    </section>
  )
}
