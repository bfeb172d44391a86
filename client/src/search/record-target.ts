// Where a record is on a document page: the row, item or section each kind renders for it. Search
// results open `/d/:id?record=<id>`, and the page scrolls there once the record is rendered.
const SELECTORS = ['data-row-id', 'data-vendor-id', 'data-risk-id', 'data-decision-id']

export function recordElement(recordId: string): HTMLElement | null {
  const id = CSS.escape(recordId)
  return document.querySelector<HTMLElement>(SELECTORS.map((attr) => `[${attr}="${id}"]`).join(', '))
    ?? document.getElementById(`pillar-section-${recordId}`)
}
