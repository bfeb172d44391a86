// Reads and validates a JSON body; bad JSON or a schema miss becomes a 400 naming the field.
import type { Context } from 'hono'
import type { z } from 'zod'
import { badRequest } from './errors'

export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  let body: unknown
  try {
    body = await c.req.json()
  } catch {
    throw badRequest('request body must be JSON')
  }
  const parsed = schema.safeParse(body)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const field = issue.path.join('.')
    throw badRequest(field ? `${field}: ${issue.message}` : issue.message)
  }
  return parsed.data
}
