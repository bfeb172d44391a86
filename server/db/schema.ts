// Tables of Quorum. Ids are random URL-safe strings; times are unix milliseconds.
import { ACTION_STATUSES } from '../../shared/action-statuses'
import { AUDIT_ACTIONS } from '../../shared/audit-actions'
import { RECURRENCES } from '../../shared/recurrence'
import { DECISION_OUTCOMES } from '../../shared/decision-outcomes'
import { CADENCES } from '../../shared/cadences'
import { sql } from 'drizzle-orm'
import { sqliteTable, text, integer, blob, primaryKey, index } from 'drizzle-orm/sqlite-core'

export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  createdAt: integer('created_at').notNull(),
  /** Two-factor sign-in (TOTP, RFC 6238): the 20-byte key once confirmed by a first code; null while off. */
  totpKey: blob('totp_key', { mode: 'buffer' }),
  /** A key shown for set-up, not yet confirmed by a code. */
  totpPendingKey: blob('totp_pending_key', { mode: 'buffer' }),
  /** The last 30-second step whose code was accepted: a code of that step or earlier is refused (no reuse). */
  totpLastStep: integer('totp_last_step'),
})

export const sessions = sqliteTable('sessions', {
  id: text('id').primaryKey(),
  userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  /** SHA-256 of the token's secret part; the secret itself is never stored. */
  secretHash: blob('secret_hash', { mode: 'buffer' }).notNull(),
  createdAt: integer('created_at').notNull(),
  lastVerifiedAt: integer('last_verified_at').notNull(),
  /** The browser's User-Agent when the session began (cut to 300 characters), so a person can tell their sessions apart. */
  userAgent: text('user_agent'),
}, (t) => [index('sessions_user_idx').on(t.userId)])

export const workspaces = sqliteTable('workspaces', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** 1–12: the month the workspace's fiscal year starts; quarters are counted from it (shared/format/quarters.ts). */
  fiscalYearStartMonth: integer('fiscal_year_start_month').notNull().default(1),
  /** Members without two-factor sign-in cannot open its documents. */
  requireTwoFactor: integer('require_two_factor', { mode: 'boolean' }).notNull().default(false),
  createdAt: integer('created_at').notNull(),
})

export const memberships = sqliteTable('memberships', {
  workspaceId: text('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
  userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  role: text('role', { enum: ['owner', 'editor', 'viewer'] }).notNull(),
  createdAt: integer('created_at').notNull(),
}, (t) => [primaryKey({ columns: [t.workspaceId, t.userId] }), index('memberships_user_idx').on(t.userId)])

export const documents = sqliteTable('documents', {
  id: text('id').primaryKey(),
  workspaceId: text('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
  kind: text('kind', { enum: ['roadmap', 'brief', 'vendors', 'decisions', 'risks', 'summary', 'notes'] }).notNull(),
  title: text('title').notNull(),
  archivedAt: integer('archived_at'),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
}, (t) => [index('documents_workspace_idx').on(t.workspaceId)])

/** The compacted state of a document: every log row with seq <= throughSeq is merged into `state`. */
export const documentStates = sqliteTable('document_states', {
  documentId: text('document_id').primaryKey().references(() => documents.id, { onDelete: 'cascade' }),
  state: blob('state', { mode: 'buffer' }).notNull(),
  throughSeq: integer('through_seq').notNull(),
  updatedAt: integer('updated_at').notNull(),
})

/** Append-only log of Yjs updates, committed before they are relayed. */
export const documentUpdates = sqliteTable('document_updates', {
  documentId: text('document_id').notNull().references(() => documents.id, { onDelete: 'cascade' }),
  seq: integer('seq').notNull(),
  update: blob('update', { mode: 'buffer' }).notNull(),
  createdAt: integer('created_at').notNull(),
}, (t) => [primaryKey({ columns: [t.documentId, t.seq] })])

/**
 * The last sequence number handed out per document. Bumped inside each commit's transaction, so
 * any number of writers (processes) sharing the database take distinct, gap-free numbers.
 */
export const documentSeq = sqliteTable('document_seq', {
  documentId: text('document_id').primaryKey().references(() => documents.id, { onDelete: 'cascade' }),
  lastSeq: integer('last_seq').notNull(),
})

/**
 * Who compacts a document's log, until when: one instance at a time (several instances share the
 * database). Taken and renewed by one conditional upsert; an instance that stops renewing loses it
 * at `expiresAt`.
 */
export const compactionLeases = sqliteTable('compaction_leases', {
  documentId: text('document_id').primaryKey().references(() => documents.id, { onDelete: 'cascade' }),
  holder: text('holder').notNull(),
  expiresAt: integer('expires_at').notNull(),
})

export const versions = sqliteTable('versions', {
  documentId: text('document_id').notNull().references(() => documents.id, { onDelete: 'cascade' }),
  version: integer('version').notNull(),
  meetingId: text('meeting_id'),
  label: text('label').notNull(),
  authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
  createdAt: integer('created_at').notNull(),
  state: blob('state', { mode: 'buffer' }).notNull(),
  projection: text('projection').notNull(),
  /**
   * The document's threads at the moment of the save, JSON `[{id, resolved}]` (server/versions/version-threads.ts);
   * null on versions saved before threads were recorded.
   */
  threads: text('threads'),
}, (t) => [primaryKey({ columns: [t.documentId, t.version] }), index('versions_meeting_idx').on(t.meetingId)])

export const meetings = sqliteTable('meetings', {
  id: text('id').primaryKey(),
  workspaceId: text('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
  cadence: text('cadence', { enum: CADENCES }).notNull(),
  title: text('title').notNull(),
  startsAt: integer('starts_at').notNull(),
  startedAt: integer('started_at'),
  endedAt: integer('ended_at'),
  notesDocumentId: text('notes_document_id').notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: integer('created_at').notNull(),
  /** The notes version saved at the meeting's end that an owner approved as the minutes; null until approved. */
  minutesVersion: integer('minutes_version'),
  minutesApprovedBy: text('minutes_approved_by'),
  minutesApprovedAt: integer('minutes_approved_at'),
  /** How the series repeats; null: a single meeting. */
  recurrence: text('recurrence', { enum: RECURRENCES }),
  /** The id of the series' first meeting; null for a single meeting. */
  seriesId: text('series_id'),
}, (t) => [index('meetings_workspace_idx').on(t.workspaceId)])

/** What a meeting produced: who does what by when. Open items of an ended meeting carry to the next meeting of its cadence. */
export const actionItems = sqliteTable('action_items', {
  id: text('id').primaryKey(),
  workspaceId: text('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
  meetingId: text('meeting_id').notNull().references(() => meetings.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  ownerId: text('owner_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  /** A calendar date, YYYY-MM-DD. */
  dueDate: text('due_date').notNull(),
  status: text('status', { enum: ACTION_STATUSES }).notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
}, (t) => [index('action_items_workspace_idx').on(t.workspaceId, t.status), index('action_items_meeting_idx').on(t.meetingId)])

export const meetingDocuments = sqliteTable('meeting_documents', {
  meetingId: text('meeting_id').notNull().references(() => meetings.id, { onDelete: 'cascade' }),
  documentId: text('document_id').notNull().references(() => documents.id, { onDelete: 'cascade' }),
  position: integer('position').notNull(),
}, (t) => [primaryKey({ columns: [t.meetingId, t.documentId] })])

export const meetingAttendees = sqliteTable('meeting_attendees', {
  meetingId: text('meeting_id').notNull().references(() => meetings.id, { onDelete: 'cascade' }),
  userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
}, (t) => [primaryKey({ columns: [t.meetingId, t.userId] })])

/**
 * A decision-queue item decided in a meeting. `decisionId` is the item's id in the decision-queue Y.Doc;
 * the outcome is also written onto that item (decisions.ts), this row keeps the rationale and the votes.
 */
export const meetingDecisions = sqliteTable('meeting_decisions', {
  id: text('id').primaryKey(),
  meetingId: text('meeting_id').notNull().references(() => meetings.id, { onDelete: 'cascade' }),
  documentId: text('document_id').notNull().references(() => documents.id, { onDelete: 'cascade' }),
  decisionId: text('decision_id').notNull(),
  /** The question as it read when decided. */
  question: text('question').notNull(),
  outcome: text('outcome', { enum: DECISION_OUTCOMES }).notNull(),
  rationale: text('rationale').notNull(),
  /** JSON: [{userId, vote}] */
  votes: text('votes').notNull(),
  newDueDate: text('new_due_date'),
  decidedBy: text('decided_by').notNull(),
  decidedAt: integer('decided_at').notNull(),
}, (t) => [index('meeting_decisions_meeting_idx').on(t.meetingId)])

/** Append-only: rows are inserted, never updated or deleted (no route can). The id orders them. */
export const auditLog = sqliteTable('audit_log', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  workspaceId: text('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
  at: integer('at').notNull(),
  actorId: text('actor_id'),
  action: text('action', { enum: AUDIT_ACTIONS }).notNull(),
  targetType: text('target_type'),
  targetId: text('target_id'),
  detail: text('detail'),
}, (t) => [index('audit_log_workspace_idx').on(t.workspaceId, t.id)])

/** Failed-login counters, keyed by 'email:<address>' or 'ip:<address>' (other budgets add a scope prefix: 'reset:', 'totp:', 'signup:'). */
export const loginAttempts = sqliteTable('login_attempts', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  lastFailureAt: integer('last_failure_at').notNull(),
  blockedUntil: integer('blocked_until').notNull(),
})

/**
 * Sign-ups waiting for their e-mailed link (with SMTP_URL): the account is created when the link is
 * opened. Only SHA-256 of the token is stored (hex); single use (the row is deleted), short-lived.
 */
export const signupConfirmations = sqliteTable('signup_confirmations', {
  tokenHash: text('token_hash').primaryKey(),
  email: text('email').notNull(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  createdAt: integer('created_at').notNull(),
  expiresAt: integer('expires_at').notNull(),
})

/** Password-reset links: only SHA-256 of the token is stored (hex); single use, short-lived. */
export const passwordResets = sqliteTable('password_resets', {
  tokenHash: text('token_hash').primaryKey(),
  userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  createdAt: integer('created_at').notNull(),
  expiresAt: integer('expires_at').notNull(),
  usedAt: integer('used_at'),
}, (t) => [index('password_resets_user_idx').on(t.userId)])

/** Invitations to a workspace by e-mail: only SHA-256 of the link's token is stored (hex); used once. */
export const invitations = sqliteTable('invitations', {
  id: text('id').primaryKey(),
  workspaceId: text('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
  email: text('email').notNull(),
  role: text('role', { enum: ['owner', 'editor', 'viewer'] }).notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  invitedBy: text('invited_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: integer('created_at').notNull(),
  expiresAt: integer('expires_at').notNull(),
  acceptedAt: integer('accepted_at'),
  acceptedBy: text('accepted_by').references(() => users.id, { onDelete: 'set null' }),
  revokedAt: integer('revoked_at'),
}, (t) => [index('invitations_workspace_idx').on(t.workspaceId)])

/** Two-factor recovery codes: only SHA-256 of each (hex); each works once. */
export const recoveryCodes = sqliteTable('recovery_codes', {
  codeHash: text('code_hash').primaryKey(),
  userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  usedAt: integer('used_at'),
}, (t) => [index('recovery_codes_user_idx').on(t.userId)])
/**
 * Discussion threads on a document. Not part of the Y.Doc (viewers may comment but never write the
 * document). `anchor` is JSON: shared/api/comments.ts `CommentAnchor`.
 */
export const comments = sqliteTable('comments', {
  id: text('id').primaryKey(),
  documentId: text('document_id').notNull().references(() => documents.id, { onDelete: 'cascade' }),
  anchor: text('anchor').notNull(),
  body: text('body').notNull(),
  authorId: text('author_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
  resolvedAt: integer('resolved_at'),
  resolvedBy: text('resolved_by').references(() => users.id, { onDelete: 'set null' }),
}, (t) => [index('comments_document_idx').on(t.documentId)])

/** Replies to a thread, oldest first. */
export const commentReplies = sqliteTable('comment_replies', {
  id: text('id').primaryKey(),
  commentId: text('comment_id').notNull().references(() => comments.id, { onDelete: 'cascade' }),
  body: text('body').notNull(),
  authorId: text('author_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
}, (t) => [index('comment_replies_comment_idx').on(t.commentId)])

/**
 * One row per person per event (a mention, a reply to their thread, a new thread on a document they
 * follow). Read access is re-checked at read time: rows of a workspace the person left are hidden.
 */
export const notifications = sqliteTable('notifications', {
  id: text('id').primaryKey(),
  userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  kind: text('kind', { enum: ['mention', 'reply', 'new_thread'] }).notNull(),
  documentId: text('document_id').notNull().references(() => documents.id, { onDelete: 'cascade' }),
  commentId: text('comment_id').notNull().references(() => comments.id, { onDelete: 'cascade' }),
  actorId: text('actor_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  createdAt: integer('created_at').notNull(),
  readAt: integer('read_at'),
  /** When it went out in an e-mail digest (server/notifications/email-digest.ts); null: not (yet). */
  emailedAt: integer('emailed_at'),
}, (t) => [
  index('notifications_user_idx').on(t.userId, t.createdAt),
  // The digest sweep's rows: a minute's sweep reads these, not every notification ever sent.
  index('notifications_undigested_idx').on(t.createdAt).where(sql`${t.emailedAt} IS NULL AND ${t.readAt} IS NULL`),
])

/** When each person was last sent an e-mail digest: at most one an hour. */
export const emailDigests = sqliteTable('email_digests', {
  userId: text('user_id').primaryKey().references(() => users.id, { onDelete: 'cascade' }),
  lastSentAt: integer('last_sent_at').notNull(),
})

/** People who asked to hear of new threads on a document. */
export const documentFollows = sqliteTable('document_follows', {
  documentId: text('document_id').notNull().references(() => documents.id, { onDelete: 'cascade' }),
  userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  createdAt: integer('created_at').notNull(),
}, (t) => [primaryKey({ columns: [t.documentId, t.userId] })])
