// Sign-up, sign-in, the signed-in person, workspaces and their members.
import { z } from 'zod'
import { ROLES } from '../roles'
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../password-length'
import { Id, Timestamp, UserDto } from './common'

const email = z.string().trim().toLowerCase().email('must be an email address').max(254)

/**
 * A password someone chooses: length is the rule (NIST SP 800-63B), no composition rules; the
 * server also refuses the most common passwords (server/auth/password-policy.ts).
 */
export const NewPassword = z.string()
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`)

export const SignupBody = z.object({
  name: z.string().trim().min(1, 'is required').max(120),
  email,
  password: NewPassword,
  /** With SMTP_URL: the app path the e-mailed link leads on to once the account exists (an invitation, say). */
  next: z.string().max(1000).regex(/^\/(?!\/)/, 'must be a path of this app').optional(),
})
/** With SMTP_URL, a sign-up is finished from an e-mailed link; the answer is the same whether or not the address has an account. */
export const SignupConfirmationSentResponse = z.object({ status: z.literal('confirmation-sent') })
export const SignupConfirmBody = z.object({ token: z.string().trim().min(1, 'is required').max(128) })
const TotpCode = z.string().trim().regex(/^\d{6}$/, 'must be the 6 digits your authenticator app shows')
const RecoveryCode = z.string().trim().min(1, 'is required').max(64)
/** With two-factor sign-in on, the second request adds `code` (or `recoveryCode`). */
export const LoginBody = z.object({ email, password: z.string().min(1, 'is required').max(256), code: TotpCode.optional(), recoveryCode: RecoveryCode.optional() })
/** 401 of a login: `totpRequired` when the password was right and a two-factor code is needed (or was wrong). */
export const LoginRefusedBody = z.object({ error: z.string(), totpRequired: z.boolean().optional() }).meta({ id: 'LoginRefused' })
export const UserResponse = z.object({ user: UserDto })

export const ChangePasswordBody = z.object({ currentPassword: z.string().min(1, 'is required').max(256), newPassword: NewPassword })
export const PasswordResetBody = z.object({ email })
export const PasswordResetConfirmBody = z.object({ token: z.string().trim().min(1, 'is required').max(128), password: NewPassword })
export const PasswordResetConfirmResponse = z.object({ email: z.string() })

/** How many other sessions a change ended. */
export const ChangePasswordResponse = z.object({ endedSessions: z.number().int() })

export const WorkspaceDto = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  /** 1–12: the month the fiscal year starts; quarter labels and totals follow it (shared/format/quarters.ts). */
  fiscalYearStartMonth: z.number().int(),
  /** Members without two-factor sign-in cannot open its documents. */
  requireTwoFactor: z.boolean(),
  createdAt: Timestamp,
}).meta({ id: 'Workspace' })
export type WorkspaceDto = z.infer<typeof WorkspaceDto>

export const MemberDto = z.object({ userId: z.string(), name: z.string(), email: z.string(), role: z.enum(ROLES) }).meta({ id: 'Member' })
export type MemberDto = z.infer<typeof MemberDto>

export const MeResponse = z.object({ user: UserDto, workspaces: z.array(WorkspaceDto), twoFactorEnabled: z.boolean() })
export type MeDto = z.infer<typeof MeResponse>

export const WorkspaceParams = z.object({ workspaceId: Id })
export const MemberParams = z.object({ workspaceId: Id, userId: Id })

export const WorkspaceNameBody = z.object({ name: z.string().trim().min(1, 'is required').max(120) })
export const WorkspaceSettingsBody = z.object({
  fiscalYearStartMonth: z.number().int().min(1, 'must be a month, 1–12').max(12, 'must be a month, 1–12').optional(),
  requireTwoFactor: z.boolean().optional(),
}).refine((b) => b.fiscalYearStartMonth !== undefined || b.requireTwoFactor !== undefined, 'give fiscalYearStartMonth or requireTwoFactor')
export const AddMemberBody = z.object({ email: z.string().trim().toLowerCase().email('must be an email address'), role: z.enum(ROLES) })
export const MemberRoleBody = z.object({ role: z.enum(ROLES) })

export const WorkspaceListResponse = z.object({ workspaces: z.array(WorkspaceDto) })
export const WorkspaceResponse = z.object({ workspace: WorkspaceDto })
export const WorkspaceWithMembersResponse = z.object({ workspace: WorkspaceDto, members: z.array(MemberDto) })
export const MemberListResponse = z.object({ members: z.array(MemberDto) })
export const MemberResponse = z.object({ member: MemberDto })

export const HealthResponse = z.object({
  ok: z.boolean(),
  loadedDocuments: z.number(),
  memory: z.object({ rssBytes: z.number(), heapUsedBytes: z.number() }),
  commits: z.record(z.string(), z.number()),
  rooms: z.record(z.string(), z.number()),
  /** Documents refused since the start because their stored log is not whole (their rows are kept). */
  damagedDocuments: z.array(z.object({ documentId: z.string(), problem: z.string(), detectedAt: Timestamp })),
  /** Several instances (REDIS_URL set): this instance's id, its Redis connection's state and fan-out counters; null for one process. */
  cluster: z.object({ instanceId: z.string(), redis: z.string(), fanout: z.record(z.string(), z.number()) }).nullable(),
})

/** A pending invitation; its token is never listed (only its hash is stored). */
export const InvitationDto = z.object({
  id: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  createdAt: Timestamp,
  expiresAt: Timestamp,
}).meta({ id: 'Invitation' })
export type InvitationDto = z.infer<typeof InvitationDto>

export const InvitationBody = z.object({ email, role: z.enum(ROLES) })
export const InvitationParams = z.object({ workspaceId: Id, invitationId: Id })
/** Only the answer to its creation carries the link. */
export const CreatedInvitationResponse = z.object({ invitation: InvitationDto.extend({ url: z.string() }) })
export const InvitationListResponse = z.object({ invitations: z.array(InvitationDto) })
export const AcceptInvitationBody = z.object({ token: z.string().trim().min(1, 'is required').max(128) })
export const AcceptInvitationResponse = z.object({ workspaceId: z.string(), role: z.enum(ROLES) })

/** A session of the signed-in person; `lastSeenAt` is kept to the hour. */
export const SessionDto = z.object({
  id: z.string(),
  createdAt: Timestamp,
  lastSeenAt: Timestamp,
  userAgent: z.string().nullable(),
  /** The session making this request. */
  current: z.boolean(),
}).meta({ id: 'Session' })
export type SessionDto = z.infer<typeof SessionDto>
export const SessionListResponse = z.object({ sessions: z.array(SessionDto) })
export const SessionParams = z.object({ sessionId: Id })

export const TotpSetupResponse = z.object({ secret: z.string(), uri: z.string() })
export const TotpCodeBody = z.object({ code: TotpCode })
export const RecoveryCodesResponse = z.object({ recoveryCodes: z.array(z.string()) })
