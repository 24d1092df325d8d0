import { site } from '@/lib/site'

export function Disclaimer() {
  return (
    <aside aria-label="Risk disclaimer" className="disclaimer-box">
      <p>
        <strong className="font-semibold text-slate-800 dark:text-slate-200">Risk disclaimer. </strong>
        {site.disclaimer}
      </p>
    </aside>
  )
}
