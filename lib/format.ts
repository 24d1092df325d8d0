const dateFormat = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' })
const numberFormat = new Intl.NumberFormat('en-US')

/** Dates are stored as UTC midnight of the editor's calendar day, so they are shown in UTC. */
export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso))
}

export function formatCount(value: number, singular: string, plural = `${singular}s`): string {
  return `${numberFormat.format(value)} ${value === 1 ? singular : plural}`
}
