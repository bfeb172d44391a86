// Row ids: random, URL-safe, not sequential, so two offline editors never pick the same one.
const ID_BYTES = 16 // 128 bits

export function newId(): string {
  const bytes = new Uint8Array(ID_BYTES)
  globalThis.crypto.getRandomValues(bytes)
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}
