// The HTTP API's request and response schemas (zod). The server validates with them and declares
// them in its routes (server/routes/), from which /api/openapi.json is generated and the client's
// types are inferred (client/src/api.ts), so both sides change together.
export * from './common'
export * from './accounts'
export * from './documents'
export * from './versions'
export * from './meetings'
export * from './comments'
export * from './actions'
export * from './audit'
export * from './meeting-decisions'
export * from './search'
export * from './notifications'
