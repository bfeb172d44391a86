// Versions are rows that are only ever inserted: number 1, 2, 3 … per document, never reused or
// changed. Numbers are allocated inside the inserting transaction, so concurrent saves cannot collide.
import type { Client, Transaction } from '@libsql/client'

export interface NewVersion {
  documentId: string
  meetingId: string | null
  label: string
  authorId: string | null
  state: Uint8Array
  projection: unknown
}

export interface VersionSummary {
  documentId: string
  version: number
  meetingId: string | null
  label: string
  authorId: string | null
  authorName: string | null
  createdAt: string
}

const toBytes = (v: unknown): Uint8Array => new Uint8Array(v as ArrayBuffer)

/** Inserts versions inside an open write transaction; returns their numbers in order. */
export async function insertVersions(tx: Transaction, items: readonly NewVersion[], createdAt: number): Promise<VersionSummary[]> {
  const saved: VersionSummary[] = []
  for (const item of items) {
    const res = await tx.execute({
      sql: `INSERT INTO versions (document_id, version, meeting_id, label, author_id, created_at, state, projection)
            VALUES (?, (SELECT coalesce(max(version), 0) + 1 FROM versions WHERE document_id = ?), ?, ?, ?, ?, ?, ?)
            RETURNING version`,
      args: [item.documentId, item.documentId, item.meetingId, item.label, item.authorId, createdAt, item.state, JSON.stringify(item.projection)],
    })
    saved.push({
      documentId: item.documentId, version: Number(res.rows[0].version), meetingId: item.meetingId, label: item.label,
      authorId: item.authorId, authorName: null, createdAt: new Date(createdAt).toISOString(),
    })
  }
  return saved
}

export class VersionStore {
  constructor(private client: Client, private now: () => number = Date.now) {}

  async save(items: readonly NewVersion[]): Promise<VersionSummary[]> {
    const tx = await this.client.transaction('write')
    try {
      const saved = await insertVersions(tx, items, this.now())
      await tx.commit()
      return saved
    } catch (err) {
      await tx.rollback().catch(() => {})
      throw err
    } finally {
      tx.close()
    }
  }

  async list(documentId: string): Promise<(VersionSummary & { meetingTitle: string | null; meetingCadence: string | null; meetingStartsAt: string | null })[]> {
    const res = await this.client.execute({
      sql: `SELECT v.document_id, v.version, v.meeting_id, v.label, v.author_id, u.name AS author_name, v.created_at,
                   m.title AS meeting_title, m.cadence AS meeting_cadence, m.starts_at AS meeting_starts_at
            FROM versions v LEFT JOIN users u ON u.id = v.author_id LEFT JOIN meetings m ON m.id = v.meeting_id
            WHERE v.document_id = ? ORDER BY v.version DESC`,
      args: [documentId],
    })
    return res.rows.map((r) => ({
      documentId: String(r.document_id), version: Number(r.version), meetingId: r.meeting_id ? String(r.meeting_id) : null,
      label: String(r.label), authorId: r.author_id ? String(r.author_id) : null, authorName: r.author_name ? String(r.author_name) : null,
      createdAt: new Date(Number(r.created_at)).toISOString(),
      meetingTitle: r.meeting_title ? String(r.meeting_title) : null, meetingCadence: r.meeting_cadence ? String(r.meeting_cadence) : null,
      meetingStartsAt: r.meeting_starts_at !== null ? new Date(Number(r.meeting_starts_at)).toISOString() : null,
    }))
  }

  async get(documentId: string, version: number): Promise<{ state: Uint8Array; projection: unknown; summary: VersionSummary } | null> {
    const res = await this.client.execute({
      sql: `SELECT v.*, u.name AS author_name FROM versions v LEFT JOIN users u ON u.id = v.author_id WHERE v.document_id = ? AND v.version = ?`,
      args: [documentId, version],
    })
    const r = res.rows[0]
    if (!r) return null
    return {
      state: toBytes(r.state),
      projection: JSON.parse(String(r.projection)),
      summary: {
        documentId, version, meetingId: r.meeting_id ? String(r.meeting_id) : null, label: String(r.label),
        authorId: r.author_id ? String(r.author_id) : null, authorName: r.author_name ? String(r.author_name) : null,
        createdAt: new Date(Number(r.created_at)).toISOString(),
      },
    }
  }

  /** Versions saved when a meeting ended (for a second "end" and for the board pack). */
  async forMeeting(meetingId: string): Promise<VersionSummary[]> {
    const res = await this.client.execute({
      sql: 'SELECT document_id, version, meeting_id, label, author_id, created_at FROM versions WHERE meeting_id = ? ORDER BY document_id',
      args: [meetingId],
    })
    return res.rows.map((r) => ({
      documentId: String(r.document_id), version: Number(r.version), meetingId, label: String(r.label),
      authorId: r.author_id ? String(r.author_id) : null, authorName: null, createdAt: new Date(Number(r.created_at)).toISOString(),
    }))
  }
}
