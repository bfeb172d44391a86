// Routes are declared with their request and response schemas (shared/api/): the declaration
// validates the request, types the handler's answer, feeds /api/openapi.json and the client's types.
import { OpenAPIHono } from '@hono/zod-openapi'
import type { z } from 'zod'
import { ErrorBody } from '../../shared/api'
import type { AppEnv } from '../app-deps'
import { badRequest } from './errors'

/** A router whose failed validations answer 400 `{error: "field: message"}`, like every other error. */
export function apiRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (result.success) return
      const issue = result.error.issues[0]
      const field = issue.path.join('.')
      throw badRequest(field && !issue.message.startsWith(`${field} `) ? `${field}: ${issue.message}` : issue.message)
    },
  })
}

/** A JSON request body, required. */
export const jsonBody = <S extends z.ZodType>(schema: S) => ({ required: true, content: { 'application/json': { schema } } })

/** A JSON answer. */
export const json = <S extends z.ZodType>(schema: S, description: string) => ({ description, content: { 'application/json': { schema } } })

const ERROR_MEANINGS = {
  400: 'The request is not valid; the message names the field',
  401: 'Not signed in',
  403: 'Not a member of the workspace, or the role may not do this',
  404: 'No such resource',
  409: 'Conflicts with the current state',
  410: 'The link was used, has expired or was revoked',
  413: 'Body over 1 MB',
  429: 'Too many attempts; Retry-After says when to try again',
  503: 'Temporarily unavailable; Retry-After says when to try again',
} as const
type ErrorStatus = keyof typeof ERROR_MEANINGS

/** The error answers a route can give, each `{error}`. */
export function errors<C extends ErrorStatus>(...codes: C[]) {
  return Object.fromEntries(codes.map((code) => [code, json(ErrorBody, ERROR_MEANINGS[code])])) as { [K in C]: ReturnType<typeof json<typeof ErrorBody>> }
}
