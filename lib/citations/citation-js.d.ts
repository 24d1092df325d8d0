// The citation-js packages ship no type declarations; these cover only what lib/citations/engine.ts calls.

declare module '@citation-js/core' {
  interface StyleRegister {
    add(name: string, xml: string): void
    has(name: string): boolean
  }
  export const plugins: {
    config: { get(plugin: '@csl'): { styles: StyleRegister } }
    output: {
      format(name: 'bibliography', data: readonly object[], options: { template: string; lang: string; format: 'html'; asEntryArray: true }): [string, string][]
      format(name: 'citation', data: readonly object[], options: { template: string; lang: string; format: 'html' }): string
      format(name: 'bibtex', data: readonly object[], options: { format: 'text' }): string
      format(name: 'ris', data: readonly object[], options: { format: 'object' }): Record<string, string | string[]>[]
    }
  }
}

declare module '@citation-js/plugin-csl'
declare module '@citation-js/plugin-bibtex'
declare module '@citation-js/plugin-ris'
