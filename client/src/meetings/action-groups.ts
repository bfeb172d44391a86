// The Actions page's grouping: by owner, in name order, each owner's items soonest due first.
import type { ActionDto } from '../../../shared/api'

/** Open items grouped by owner (in name order), each group soonest due first. */
export function byOwner(actions: ActionDto[]): { ownerId: string; ownerName: string; actions: ActionDto[] }[] {
  const groups = new Map<string, { ownerId: string; ownerName: string; actions: ActionDto[] }>()
  for (const a of actions) {
    const group = groups.get(a.ownerId) ?? { ownerId: a.ownerId, ownerName: a.ownerName, actions: [] }
    group.actions.push(a)
    groups.set(a.ownerId, group)
  }
  for (const g of groups.values()) g.actions.sort((x, y) => x.dueDate.localeCompare(y.dueDate))
  return [...groups.values()].sort((x, y) => x.ownerName.localeCompare(y.ownerName))
}
