// Icons and separators drawn as SVG/CSS instead of typographic glyphs (chevron, arrow, middle dot): pages whose HTML
// is pure ASCII are sent by Node about 2x faster than Latin-1 and ~7x faster than two-byte strings (README, Performance).
export function ChevronRightIcon({ className = 'size-3.5' }: { className?: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="2" className={className}>
      <path d="M6 3l5 5-5 5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  )
}

export function ArrowRightIcon({ className = 'size-3.5' }: { className?: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="2" className={className}>
      <path d="M2 8h11M9 4l4 4-4 4" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  )
}

/** A small separator dot drawn with CSS, in place of the "·" character. */
export function Dot({ className = '' }: { className?: string }) {
  return <span aria-hidden="true" className={`inline-block size-1 shrink-0 self-center rounded-full bg-current opacity-50 ${className}`} />
}
