/** The y-websocket base URL; the provider appends "/<documentId>". Same origin, so the session cookie goes along. */
export function syncServerUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/sync`
}
