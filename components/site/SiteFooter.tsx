import { site } from '@/lib/site'

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="mx-auto max-w-5xl space-y-2 px-4 py-8 sm:px-6">
        <p>
          {site.name} is written by the {site.publisher}. Educational content, not investment advice.
        </p>
        <p>Copyright {new Date().getUTCFullYear()} {site.publisher}</p>
      </div>
    </footer>
  )
}
