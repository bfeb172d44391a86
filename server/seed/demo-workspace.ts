// On an empty database, creates a demo workspace so a newcomer sees the product working at once:
// three people (owner, editor, viewer), one realistic document of every kind, last quarter's board
// meeting with the versions it saved, and the next leadership meeting.
import { count } from 'drizzle-orm'
import * as Y from 'yjs'
import type { DocumentKind } from '../../shared/document-kinds'
import type { AppDeps } from '../app-deps'
import { hashPassword } from '../auth/passwords'
import { memberships, users, workspaces } from '../db/schema'
import { demoDocumentState } from '../documents/demo-documents'
import { newId } from '../ids'
import { createDocument } from '../routes/documents'
import { seedDemoMeetings } from './demo-meetings'
import { newDemoPassword } from './demo-password'

export const DEMO_PEOPLE = [
  { name: 'Alex Morgan', email: 'alex@northwind.example', role: 'owner' },
  { name: 'Sam Rivera', email: 'sam@northwind.example', role: 'editor' },
  { name: 'Jordan Lee', email: 'jordan@northwind.example', role: 'viewer' },
] as const

export const DEMO_DOCUMENTS: { kind: DocumentKind; title: string }[] = [
  { kind: 'roadmap', title: 'Technology roadmap 2026–27' },
  { kind: 'brief', title: 'Technology brief' },
  { kind: 'vendors', title: 'Vendor & platform register' },
  { kind: 'decisions', title: 'Decision queue' },
  { kind: 'risks', title: 'Risk & incident log' },
  { kind: 'summary', title: 'Board summary' },
  { kind: 'notes', title: 'Leadership meeting notes' },
]

/** Seeds once, on a database without users; returns the shared login (its password is random), or null if nothing was done. */
export async function seedDemoWorkspace(deps: AppDeps): Promise<{ email: string; password: string; workspaceId: string } | null> {
  const [{ n }] = await deps.db.select({ n: count() }).from(users)
  if (n > 0) return null
  const t = deps.now()
  const password = newDemoPassword()
  const passwordHash = await hashPassword(password)
  const people = DEMO_PEOPLE.map((p) => ({ ...p, id: newId() }))
  const workspaceId = newId()
  await deps.db.batch([
    deps.db.insert(users).values(people.map((p) => ({ id: p.id, name: p.name, email: p.email, passwordHash, createdAt: t }))),
    deps.db.insert(workspaces).values({ id: workspaceId, name: 'Northwind Logistics', createdAt: t }),
    deps.db.insert(memberships).values(people.map((p) => ({ workspaceId, userId: p.id, role: p.role, createdAt: t }))),
  ])
  const ids: Partial<Record<DocumentKind, string>> = Object.fromEntries(DEMO_DOCUMENTS.map((d) => [d.kind, newId()]))
  const created: Partial<Record<DocumentKind, { id: string; doc: Y.Doc }>> = {}
  for (const { kind, title } of DEMO_DOCUMENTS) {
    const doc = demoDocumentState(kind, new Date(t), ids)
    await createDocument(deps, workspaceId, kind, title, { state: Y.encodeStateAsUpdate(doc), id: ids[kind] })
    created[kind] = { id: ids[kind]!, doc }
  }
  await seedDemoMeetings(deps, { workspaceId, ownerId: people[0].id, peopleIds: people.map((p) => p.id), documents: created })
  for (const { doc } of Object.values(created)) doc.destroy()
  return { email: people[0].email, password, workspaceId }
}
