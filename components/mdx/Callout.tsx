import type { ReactNode } from 'react'

const styles = {
  info: { label: 'Note', box: 'border-sky-600 bg-sky-50 dark:border-sky-400 dark:bg-sky-950/40', title: 'text-sky-800 dark:text-sky-300' },
  tip: { label: 'Tip', box: 'border-emerald-600 bg-emerald-50 dark:border-emerald-400 dark:bg-emerald-950/40', title: 'text-emerald-800 dark:text-emerald-300' },
  warning: { label: 'Warning', box: 'border-amber-600 bg-amber-50 dark:border-amber-400 dark:bg-amber-950/40', title: 'text-amber-900 dark:text-amber-300' },
} as const

export function Callout({ type = 'info', title, children }: { type?: string; title?: string; children?: ReactNode }) {
  const style = type && Object.hasOwn(styles, type) ? styles[type as keyof typeof styles] : styles.info
  return (
    <aside aria-label={title ?? style.label} className={`callout-box ${style.box}`}>
      <p className={`not-prose callout-title ${style.title}`}>{title ?? style.label}</p>
      <div className="[&>*:first-child]:mt-0 [&>*:last-child]:mb-0">{children}</div>
    </aside>
  )
}
