// Environment parsed once into a frozen object; a bad value stops the start with a message naming the variable.
import { z } from 'zod'

const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().min(1).default('file:./data/quorum.db'),
  DATABASE_AUTH_TOKEN: z.string().optional(),
  /** Public origin(s) of the app, comma-separated (e.g. https://quorum.example.com). Empty: the request's own Host. */
  PUBLIC_ORIGIN: z.string().default(''),
  SESSION_TTL_DAYS: z.coerce.number().positive().default(14),
  MAX_MESSAGE_BYTES: z.coerce.number().int().positive().default(16 * 1024 * 1024),
  /** A connection whose unsent frames pass this is closed (4508) instead of buffering without bound. */
  SEND_BUFFER_LIMIT_BYTES: z.coerce.number().int().positive().default(16 * 1024 * 1024),
  COMPACT_THRESHOLD: z.coerce.number().int().positive().default(500),
  /**
   * Sync sockets are pinged this often; one that has not answered the previous ping is dropped,
   * so a person whose connection died silently leaves everyone's presence within two intervals.
   */
  SYNC_HEARTBEAT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  UNLOAD_AFTER_MS: z.coerce.number().int().nonnegative().default(30_000),
  /**
   * Relay pacing of big rooms (see RelayPacing in server/sync/room.ts); 0, the default, relays every
   * batch at once. Off since each relay is framed once for all sockets: at 200 clients 0.02 (one
   * relay per 4 ms) measured p50 1.65× and p99 1.06× Hocuspocus's, 0 measured 0.79× and 0.95×, at
   * 0.75× its CPU. For rooms far past that, where a relay per turn would swamp the server.
   */
  RELAY_MS_PER_CONNECTION: z.coerce.number().nonnegative().max(1).default(0),
  RELAY_MAX_INTERVAL_MS: z.coerce.number().nonnegative().max(100).default(10),
  /**
   * NORMAL: a commit survives a process crash at once and a power loss once the WAL is flushed
   * (every DB_FLUSH_INTERVAL_MS). FULL: every commit waits for the disk before it is relayed.
   */
  DB_SYNCHRONOUS: z.enum(['FULL', 'NORMAL']).default('NORMAL'),
  DB_FLUSH_INTERVAL_MS: z.coerce.number().int().min(10).max(10_000).default(100),
  /** How often a worker thread checkpoints the WAL into the database file (see storage-thread.ts). */
  DB_CHECKPOINT_INTERVAL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  /**
   * Behind a reverse proxy every request comes from the proxy's address. 'true': the login
   * throttle takes the client's from the last X-Forwarded-For entry (the one the proxy added).
   */
  TRUST_PROXY: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  SEED_DEMO: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('info'),
})

export type Config = Readonly<z.infer<typeof ConfigSchema>> & { publicOrigins: readonly string[] }

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = ConfigSchema.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`)
  }
  const publicOrigins = parsed.data.PUBLIC_ORIGIN.split(',').map((s) => s.trim().replace(/\/$/, '')).filter(Boolean)
  return Object.freeze({ ...parsed.data, publicOrigins })
}
