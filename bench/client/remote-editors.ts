// Ten simulated remote editors: stock y-websocket clients in Node, each with its own session,
// changing random fields of random initiatives at a steady rate. Every edit also writes a unique
// marker ("[q123]") into the title or owner of its initiative, so the page can tell when that edit
// reached its DOM; the send time is taken on this process's epoch clock just before the write.
import { PILLARS } from '../../shared/documents/pillars'
import { INITIATIVE_STATUSES, RISK_LEVELS, updateInitiative, type InitiativeFields } from '../../shared/documents/roadmap'
import type { ApiClient } from '../../tests/helpers/api'
import { connectDoc, type SyncClient } from '../../tests/helpers/sync-client'

export interface SentEdit { marker: number; editor: number; initiativeId: string; field: string; sentAt: number }

export const epochNow = () => performance.timeOrigin + performance.now()

/** mulberry32: a small seeded PRNG, so two runs put the same edits on the page. */
export function seeded(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const OTHER_FIELDS = ['status', 'risk', 'pillar', 'oneOffCost', 'runRateCost', 'capacity'] as const

export async function connectEditors(baseUrl: string, documentId: string, editors: ApiClient[]): Promise<SyncClient[]> {
  const clients = editors.map((e) => connectDoc(baseUrl, documentId, e.cookie))
  await Promise.all(clients.map((c) => c.synced()))
  return clients
}

/**
 * Runs the load: each client edits `ratePerSecond` times a second for `durationMs`, each edit at a
 * random moment of its slot. `ids` are the initiatives they may touch.
 */
export async function runEdits(clients: SyncClient[], ids: string[], opts: { durationMs: number; ratePerSecond: number; seed: number }): Promise<SentEdit[]> {
  const sent: SentEdit[] = []
  const slotMs = 1000 / opts.ratePerSecond
  const slots = Math.round((opts.durationMs / 1000) * opts.ratePerSecond)
  let marker = 0
  const start = performance.now()
  const timers: Promise<void>[] = []
  clients.forEach((client, editor) => {
    const rand = seeded(opts.seed * 1000 + editor)
    for (let slot = 0; slot < slots; slot++) {
      const at = start + slot * slotMs + rand() * slotMs
      const id = ids[Math.floor(rand() * ids.length)]
      const textField = rand() < 0.5 ? 'title' : 'owner'
      const other = OTHER_FIELDS[Math.floor(rand() * OTHER_FIELDS.length)]
      const pick = rand()
      timers.push(new Promise<void>((resolve) => setTimeout(() => {
        const m = ++marker
        const text = textField === 'title' ? `Initiative ${m} [q${m}]` : `Editor ${editor + 1} [q${m}]`
        const patch: Record<string, unknown> = { [textField]: text }
        if (other === 'status') patch.status = INITIATIVE_STATUSES[Math.floor(pick * INITIATIVE_STATUSES.length)]
        else if (other === 'risk') patch.risk = RISK_LEVELS[Math.floor(pick * RISK_LEVELS.length)]
        else if (other === 'pillar') patch.pillar = PILLARS[Math.floor(pick * PILLARS.length)]
        else patch[other] = Math.round(pick * 100) * 1000
        const sentAt = epochNow()
        const result = updateInitiative(client.doc, id, patch as Partial<InitiativeFields>)
        if (result.ok) sent.push({ marker: m, editor, initiativeId: id, field: textField, sentAt })
        resolve()
      }, Math.max(0, at - performance.now()))))
    }
  })
  await Promise.all(timers)
  return sent
}
