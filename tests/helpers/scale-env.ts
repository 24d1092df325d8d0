import { z } from 'zod'

// tests/scale run against the production build in .next and the database it was built from (scripts/test.sh
// exports DATABASE_URL after its build step).
const scaleEnv = z.object({
  DATABASE_URL: z.string({ error: 'tests/scale need DATABASE_URL: the database .next was built from (scripts/test.sh sets it)' }).regex(/^(file:|postgres(ql)?:\/\/)/, 'DATABASE_URL must start with "file:" or "postgresql://"'),
})

export function readScaleEnv(): z.infer<typeof scaleEnv> {
  const parsed = scaleEnv.safeParse({ DATABASE_URL: process.env.DATABASE_URL })
  if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => issue.message).join('; '))
  return parsed.data
}
