// Stored dates are UTC midnight of the editor's calendar day; every format here keeps that day.

/** "2026-05-09": the calendar day, as schema.org Date, sitemaps (W3C datetime) and Dublin Core take it. */
export const calendarDay = (iso: string) => new Date(iso).toISOString().slice(0, 10)

/** "2026/05/09": the form Highwire Press `citation_*_date` tags use. */
export const slashedDay = (iso: string) => calendarDay(iso).replaceAll('-', '/')

/** "Sat, 09 May 2026 00:00:00 GMT": RFC 822 (with a four-digit year, as RSS 2.0 allows). */
export const rfc822 = (iso: string) => new Date(iso).toUTCString()
