// With SMTP_URL set, people are e-mailed a digest of their unread notifications, at most one an
// hour each. A sweep finds who is due; each digest is claimed in one write transaction (the
// person's last-sent time moved to now only if it is an hour old, and their pending notifications
// marked e-mailed only by the transaction that moved it), so of several instances sweeping at once
// one sends it, and no notification is e-mailed twice. A notification of a workspace the person
// left is never e-mailed (the same rule as the inbox).
import { and, desc, eq, inArray, sql } from 'drizzle-orm'
import type { NotificationKind } from '../../shared/api'
import type { AppDeps } from '../app-deps'
import { comments, documents, emailDigests, notifications, users } from '../db/schema'

/** The rule: no one gets more than one digest an hour. */
export const DIGEST_MIN_INTERVAL_MS = 60 * 60_000
/** People handled per sweep; the rest are due at the next one. */
const USERS_PER_SWEEP = 50
const EXCERPT_CHARS = 200

/** A notification that is pending for a digest: unread, not e-mailed, old enough, of a workspace the person is still in. */
const pending = (cutoff: number) => sql`${notifications.readAt} IS NULL AND ${notifications.emailedAt} IS NULL AND ${notifications.createdAt} <= ${cutoff}
  AND EXISTS (SELECT 1 FROM documents d JOIN memberships m ON m.workspace_id = d.workspace_id AND m.user_id = ${notifications.userId} WHERE d.id = ${notifications.documentId})`

const WHAT: Record<NotificationKind, string> = {
  mention: 'mentioned you on',
  reply: 'replied to your thread on',
  new_thread: 'started a thread on',
}

export interface DigestItem { kind: NotificationKind; actorName: string; documentId: string; documentTitle: string; commentId: string; body: string }

/** The text of a digest e-mail. Links only with PUBLIC_ORIGIN: a sweep has no request to take the origin from. */
export function digestText(name: string, items: readonly DigestItem[], origin: string | null): string {
  const lines = items.map((i) => {
    const excerpt = i.body.length > EXCERPT_CHARS ? `${i.body.slice(0, EXCERPT_CHARS)}…` : i.body
    const link = origin ? `\n  ${origin}/d/${i.documentId}?thread=${encodeURIComponent(i.commentId)}` : ''
    return `- ${i.actorName} ${WHAT[i.kind]} ${i.documentTitle}: "${excerpt.replace(/\s+/g, ' ')}"${link}`
  })
  return `Hello ${name},\n\nYou have ${items.length} unread ${items.length === 1 ? 'notification' : 'notifications'} in Quorum:\n\n${lines.join('\n\n')}\n\n`
    + 'You get at most one of these e-mails an hour, and only for notifications you have not read in the app.\n'
}

/** Claims and sends the digest of one person; nothing if another sweep claimed it first. */
async function sendDigest(deps: AppDeps, userId: string, t: number, cutoff: number): Promise<boolean> {
  const { db } = deps
  const [, marked] = await db.batch([
    db.insert(emailDigests).values({ userId, lastSentAt: t }).onConflictDoUpdate({
      target: emailDigests.userId, set: { lastSentAt: t }, setWhere: sql`${emailDigests.lastSentAt} <= ${t - DIGEST_MIN_INTERVAL_MS}`,
    }),
    db.update(notifications).set({ emailedAt: t })
      .where(and(eq(notifications.userId, userId), pending(cutoff), sql`(SELECT last_sent_at FROM ${emailDigests} WHERE user_id = ${userId}) = ${t}`))
      .returning({ id: notifications.id }),
  ])
  if (marked.length === 0) return false
  const [person] = await db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, userId))
  const rows = await db.select({
    kind: notifications.kind, actorName: users.name, documentId: notifications.documentId, documentTitle: documents.title,
    commentId: notifications.commentId, body: comments.body,
  }).from(notifications)
    .innerJoin(users, eq(users.id, notifications.actorId))
    .innerJoin(documents, eq(documents.id, notifications.documentId))
    .innerJoin(comments, eq(comments.id, notifications.commentId))
    .where(inArray(notifications.id, marked.map((m) => m.id)))
    .orderBy(desc(notifications.createdAt))
  if (!person || rows.length === 0) return false
  deps.mailer!.send({
    to: person.email,
    subject: `Quorum: ${rows.length} unread ${rows.length === 1 ? 'notification' : 'notifications'}`,
    text: digestText(person.name, rows, deps.config.publicOrigins[0] ?? null),
  })
  return true
}

/** One sweep: a digest to each person who is due one. Returns how many were sent. */
export async function sendDueDigests(deps: AppDeps): Promise<number> {
  const t = deps.now()
  const cutoff = t - deps.config.tuning.digestDelayMs
  const due = await deps.db.selectDistinct({ userId: notifications.userId }).from(notifications)
    .leftJoin(emailDigests, eq(emailDigests.userId, notifications.userId))
    .where(and(pending(cutoff), sql`(${emailDigests.lastSentAt} IS NULL OR ${emailDigests.lastSentAt} <= ${t - DIGEST_MIN_INTERVAL_MS})`))
    .limit(USERS_PER_SWEEP)
  let sent = 0
  for (const { userId } of due) if (await sendDigest(deps, userId, t, cutoff)) sent++
  return sent
}

/** Sweeps every `digestSweepMs` while the server runs; null without a mailer (SMTP_URL unset: nothing is sent). */
export function startDigestSweeps(deps: AppDeps): { stop(): void } | null {
  if (!deps.mailer) return null
  let running = false
  const timer = setInterval(() => {
    if (running) return
    running = true
    sendDueDigests(deps)
      .catch((err: Error) => deps.log.error({ err: err.message }, 'e-mail digest sweep failed'))
      .finally(() => { running = false })
  }, deps.config.tuning.digestSweepMs)
  timer.unref()
  return { stop: () => clearInterval(timer) }
}
