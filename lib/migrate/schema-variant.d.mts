import type { Provider } from '@/lib/db-url'

export declare const derivedSchemaPath: string
export declare function deriveSchema(schemaText: string, provider: Provider): string
export declare const migrationsDirs: Record<Provider, string>
export declare function lockFileText(provider: Provider): string
