// Environment parsed once into a frozen object; a bad value stops the start with a message naming the variable.
// Ten operator variables, all in README's table; engine tuning is in sync/tuning.ts, not here.
import { z } from 'zod'
import { SYNC_TUNING, type SyncTuning } from './sync/tuning'

const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** A libSQL server's token rides in the URL: libsql://host?authToken=… (@libsql/client reads it). */
  DATABASE_URL: z.string().min(1).default('file:./data/quorum.db'),
  /** Public origin(s) of the app, comma-separated (e.g. https://quorum.example.com). Empty: the request's own Host. */
  PUBLIC_ORIGIN: z.string().default(''),
  /**
   * SQLite's synchronous setting (WAL mode). NORMAL: a commit survives a crash of the process (kill -9)
   * at once, and a power loss once SQLite's next checkpoint has synced the WAL. FULL: every commit
   * waits for the disk (fsync of the WAL) before it is relayed, so a power loss keeps it too.
   */
  DB_SYNCHRONOUS: z.enum(['FULL', 'NORMAL']).default('NORMAL'),
  /**
   * Behind a reverse proxy every request comes from the proxy's address. 'true': the login
   * throttle takes the client's from the last X-Forwarded-For entry (the one the proxy added).
   */
  TRUST_PROXY: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  SEED_DEMO: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('info'),
  /**
   * Several instances: every instance gets the same Redis URL (and the same DATABASE_URL), and
   * relays the edits it commits to the others through Redis. Unset: one process, no Redis.
   */
  /**
   * Outgoing mail (password-reset links, invitations): smtp://user:pass@host:587 or smtps://…:465.
   * Unset: nothing is sent; reset links go to the server log and invitation links are copied by hand.
   * The From of those e-mails rides in the URL as `?from=` (mailer.ts).
   */
  SMTP_URL: z.union([z.literal(''), z.string().regex(/^smtps?:\/\/\S+$/, 'expected smtp://host:port (or smtps://)')])
    .optional().transform((v) => v || undefined),
  REDIS_URL: z.union([z.literal(''), z.string().regex(/^rediss?:\/\/\S+$/, 'expected redis://host:port (or rediss://)')])
    .optional().transform((v) => v || undefined),
})

export type Config = Readonly<z.infer<typeof ConfigSchema>> & { publicOrigins: readonly string[]; tuning: Readonly<SyncTuning> }

/** `tuning` overrides SYNC_TUNING; only the tests' entry point passes it. */
export function loadConfig(env: Record<string, string | undefined> = process.env, tuning: Partial<SyncTuning> = {}): Config {
  const parsed = ConfigSchema.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`)
  }
  const publicOrigins = parsed.data.PUBLIC_ORIGIN.split(',').map((s) => s.trim().replace(/\/$/, '')).filter(Boolean)
  return Object.freeze({ ...parsed.data, publicOrigins, tuning: Object.freeze({ ...SYNC_TUNING, ...tuning }) })
}
