/** Reads a JSON array of strings stored in a text column (aliases, related slugs); anything else becomes []. */
export function parseStringList(json: string): string[] {
  const value: unknown = JSON.parse(json)
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []
}
