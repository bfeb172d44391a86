// One group of the decision queue (Overdue, Due in 30 days, …, Decided, Deferred).
import type * as Y from 'yjs'
import type { WebsocketProvider } from 'y-websocket'
import type { QueueItem } from '../../../../shared/documents/decision-queue'
import type { PresenceUser } from '../../../../shared/presence'
import type { BoardBaseline } from '../common/useBoardBaseline'
import type { LocalUndo } from '../common/useLocalUndo'
import { DecisionItem } from './DecisionItem'
import { DerivedDecisionItem } from './DerivedDecisionItem'
import type { GroupKey } from './decision-view'

export interface DecisionContext {
  ydoc: Y.Doc
  provider: WebsocketProvider | null
  user: PresenceUser
  canWrite: boolean
  write: LocalUndo['write']
  baseline: BoardBaseline | null
  highlighted: ReadonlySet<string>
  vendorsSource: { id: string; title: string } | null
}

interface Props {
  groupKey: GroupKey
  label: string
  items: QueueItem[]
  today: string
  ctx: DecisionContext
  expanded: ReadonlySet<string>
  onToggle: (id: string) => void
  confirming: string | null
  onAskDelete: (id: string | null) => void
  onDelete: (id: string) => void
  focusId: string | null
}

export function DecisionGroup({ groupKey, label, items, today, ctx, expanded, onToggle, confirming, onAskDelete, onDelete, focusId }: Props) {
  return (
    <section className={`decision-group group-${groupKey}`} data-testid="decision-group" data-group={groupKey} aria-labelledby={`group-${groupKey}`}>
      <h3 className="group-heading" id={`group-${groupKey}`}>
        {label} <span className="count">{items.length}</span>
      </h3>
      {items.length === 0 ? (
        <p className="group-empty">Nothing here.</p>
      ) : (
        <ul className="decision-list">
          {items.map((item) =>
            item.derived ? (
              <li key={item.id}><DerivedDecisionItem item={item} today={today} source={ctx.vendorsSource} /></li>
            ) : (
              <li key={item.id}>
                <DecisionItem
                  decision={item}
                  today={today}
                  ctx={ctx}
                  expanded={expanded.has(item.id)}
                  onToggle={() => onToggle(item.id)}
                  confirming={confirming === item.id}
                  onAskDelete={() => onAskDelete(item.id)}
                  onCancelDelete={() => onAskDelete(null)}
                  onDelete={() => onDelete(item.id)}
                  autoFocus={focusId === item.id}
                />
              </li>
            ),
          )}
        </ul>
      )}
    </section>
  )
}
