import { z } from 'zod'

// Every environment variable the app reads, parsed once. Nothing else touches process.env.
const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, 'must start with "file:" (SQLite) or "postgresql://"')
    .refine((url) => url.startsWith('file:') || isPostgresUrl(url), 'must be a PostgreSQL URL with a host and a database, e.g. postgresql://user:password@db.internal:5432/askkb')
    .default('file:./data/kb.db'),
  // PostgreSQL only: connections per process (each `next start` instance and each ingest has its own pool).
  DATABASE_POOL_SIZE: z.coerce.number().int('must be a whole number of connections').min(1).max(200).default(10),
  // PostgreSQL only: a statement running longer is cancelled, so a stuck query frees its connection.
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  CONTENT_DIR: z.string().min(1).default('content'),
  SITE_URL: z
    .url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL, e.g. https://ask.example.com' })
    .default('http://localhost:3000')
    .transform((url) => url.replace(/\/+$/, '')),
  // Where `npm start` listens. 0.0.0.0 is every IPv4 interface, as `next start` does; 127.0.0.1 keeps it local.
  HOSTNAME: z
    .union([z.ipv6(), z.hostname()], { error: 'must be a host name or an IP address, e.g. 127.0.0.1 or 0.0.0.0' })
    .default('0.0.0.0'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // How many reverse proxies stand in front of the server. 0: the client is the socket's peer and a client's own
  // X-Forwarded-For is ignored; n: the client is the n-th X-Forwarded-For entry from the right.
  TRUST_PROXY: z.coerce
    .number({ error: 'must be the number of proxies in front of the server (0 = none)' })
    .int('must be a whole number of proxies')
    .min(0)
    .max(10)
    .default(0),
  // Salt for visitor hashes; unset, each database generates and keeps its own (AppSecret), so instances agree.
  VISITOR_HASH_SECRET: z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -base64 32`)').optional(),
  VIEW_RATE_LIMIT_MAX: z.coerce.number().int().min(1).default(60),
  VIEW_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  // Typing sends at most one search per ~150 ms, about ten for a query; 120 a minute leaves room for a shared office address.
  SEARCH_RATE_LIMIT_MAX: z.coerce.number().int().min(1).default(120),
  SEARCH_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
})

function isPostgresUrl(url: string): boolean {
  try {
    const parsed = new URL(url)
    return parsed.hostname !== '' && parsed.pathname.length > 1
  } catch {
    return false
  }
}

export type Env = z.infer<typeof envSchema>

export function parseEnv(source: Record<string, string | undefined>): Env {
  const picked = Object.fromEntries(
    Object.keys(envSchema.shape).map((key) => [key, source[key] === '' ? undefined : source[key]]),
  )
  const result = envSchema.safeParse(picked)
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
    throw new Error(`Invalid environment configuration:\n${lines.join('\n')}`)
  }
  return result.data
}

export const env: Env = parseEnv(process.env)
