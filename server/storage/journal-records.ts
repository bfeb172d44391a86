// The update journal's record format. Each record is self-checking, so a record torn by a crash
// or a power loss (a prefix on disk, or zeros) ends the readable journal instead of corrupting it:
//   u32 payload length · u32 CRC-32 of the payload · payload
//   payload = u16 document id length · document id (UTF-8) · f64 seq · f64 createdAt · update bytes
import { crc32 } from 'node:zlib'
import type { LogAppend } from './document-store'

export interface JournalRow extends LogAppend { createdAt: number }

const HEADER_BYTES = 8
const FIXED_PAYLOAD_BYTES = 2 + 8 + 8

/** Encodes rows into one buffer, written with one write(). */
export function encodeRecords(rows: readonly LogAppend[], createdAt: number): Buffer {
  const ids = rows.map((r) => Buffer.from(r.documentId, 'utf8'))
  let total = 0
  for (let i = 0; i < rows.length; i++) total += HEADER_BYTES + FIXED_PAYLOAD_BYTES + ids[i].length + rows[i].update.length
  const out = Buffer.allocUnsafe(total)
  let at = 0
  for (let i = 0; i < rows.length; i++) {
    const id = ids[i]
    const payloadStart = at + HEADER_BYTES
    let p = payloadStart
    p = out.writeUInt16LE(id.length, p)
    p += id.copy(out, p)
    p = out.writeDoubleLE(rows[i].seq, p)
    p = out.writeDoubleLE(createdAt, p)
    out.set(rows[i].update, p)
    p += rows[i].update.length
    out.writeUInt32LE(p - payloadStart, at)
    out.writeUInt32LE(crc32(out.subarray(payloadStart, p)), at + 4)
    at = p
  }
  return out
}

/** Reads records from the start of `bytes` up to the first one that is incomplete or fails its check. */
export function decodeRecords(bytes: Uint8Array): { rows: JournalRow[]; validBytes: number } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const rows: JournalRow[] = []
  let at = 0
  while (at + HEADER_BYTES <= buf.length) {
    const length = buf.readUInt32LE(at)
    const end = at + HEADER_BYTES + length
    if (length < FIXED_PAYLOAD_BYTES || end > buf.length) break
    const payload = buf.subarray(at + HEADER_BYTES, end)
    if (crc32(payload) !== buf.readUInt32LE(at + 4)) break
    const idLength = payload.readUInt16LE(0)
    if (FIXED_PAYLOAD_BYTES + idLength > length) break
    const documentId = payload.toString('utf8', 2, 2 + idLength)
    const seq = payload.readDoubleLE(2 + idLength)
    const createdAt = payload.readDoubleLE(10 + idLength)
    // A copy: the rows outlive the file buffer they were read from.
    const update = new Uint8Array(payload.subarray(FIXED_PAYLOAD_BYTES + idLength))
    rows.push({ documentId, seq, createdAt, update })
    at = end
  }
  return { rows, validBytes: at }
}
