import { site } from '@/lib/site'

export function Disclaimer() {
  return (
    <aside aria-label="Risk disclaimer" className="mt-10 rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm text-slate-600 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-400">
      <p>
        <strong className="font-semibold text-slate-800 dark:text-slate-200">Risk disclaimer. </strong>
        {site.disclaimer}
      </p>
    </aside>
  )
}
