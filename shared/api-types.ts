// JSON shapes of the HTTP API (docs/api.md), shared by server and client.
import type { Role } from './roles'
import type { DocumentKind } from './document-kinds'

export interface UserDto { id: string; name: string; email: string }
export interface WorkspaceDto {
  id: string
  name: string
  role: Role
  /** 1–12: the month the fiscal year starts; quarter labels and totals follow it (shared/format/quarters.ts). */
  fiscalYearStartMonth: number
  createdAt: string
}
export interface MemberDto { userId: string; name: string; email: string; role: Role }
export interface DocumentDto {
  id: string
  workspaceId: string
  kind: DocumentKind
  title: string
  archivedAt: string | null
  createdAt: string
  updatedAt: string
}
export interface MeDto { user: UserDto; workspaces: WorkspaceDto[] }
export interface DocumentWithAccessDto { document: DocumentDto; role: Role; canWrite: boolean }
export interface ApiError { error: string }
