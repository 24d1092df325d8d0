const dateFormat = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' })

/** Dates are stored as UTC midnight of the editor's calendar day, so they are shown in UTC. */
export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso))
}
