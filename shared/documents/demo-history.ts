// The demo workspace's last quarterly board meeting: each of its documents as it stood then,
// derived from today's demo content. Roadmap, brief and risk log are copies of today's documents
// (same row ids, so comparing the version with today shows what moved); the summary is the one
// written for that quarter. Written through the validated writers; a refusal is a bug and throws.
import * as Y from 'yjs'
import { getPillarNarrative, readBrief, updatePillar } from './brief'
import type { BriefSectionFields } from './brief'
import { addDays, dayNumber, toIsoDate } from './calendar'
import { SUMMARY_BODY } from './demo-content'
import type { WriteResult } from './fields'
import type { PillarKey } from './pillars'
import { appendBlocks, getBodyFragment, paragraphs } from './rich-text'
import type { Block } from './rich-text'
import { readRisks, removeRisk } from './risks'
import { readRoadmap, removeInitiative, updateInitiative } from './roadmap'
import type { InitiativeFields } from './roadmap'
import { quarterLabelOf, setSummaryMeta } from './summary'

export const BOARD_AGENDA_KINDS = ['summary', 'brief', 'roadmap', 'risks'] as const
export type BoardAgendaKind = (typeof BOARD_AGENDA_KINDS)[number]

/** Initiatives as they stood at the meeting, by title; `null`: added since. */
const ROADMAP_THEN: Record<string, Partial<InitiativeFields> | null> = {
  'CI pipeline speed-up': null,
  'Order service migration to event streaming': { oneOffCost: 360_000, risk: 'medium' },
  'Checkout redesign (mobile first)': { status: 'planned' },
  'Warehouse WMS upgrade (v9)': { oneOffCost: 280_000 },
  'Legacy loyalty scheme sunset': { status: 'planned' },
}

/** Pillars that have moved since the meeting: how they stood then, and what their narrative said. */
const BRIEF_THEN: Partial<Record<PillarKey, Partial<BriefSectionFields> & { narrative: string }>> = {
  engineering: { status: 'on-track', trend: 'steady', narrative: 'The order service migration started on plan; dual-write is live in staging. Deployment frequency holds at daily.' },
  operational: { status: 'watch', trend: 'steady', narrative: 'Fulfilment ran without a customer-facing outage this quarter. The WMS upgrade statement of work is with the vendor; its cut-over must avoid peak.' },
  security: { status: 'at-risk', trend: 'declining', narrative: 'SOC 2 readiness is at 45% of controls evidenced, behind plan. Admin accounts still rely on SMS codes; phishing-resistant MFA is proposed to the board.' },
}

/** The summary presented then: today's, with that quarter's figures. */
const SUMMARY_THEN: Array<[string, string]> = [
  ['at 4.1% of revenue', 'at 3.9% of revenue'],
  ['the order service migration is two weeks late and is the main delivery risk before peak', 'the order service migration started on plan'],
  ['Two carrier outages cost about 3,000 late parcels.', 'No customer-facing outages this quarter.'],
  ['SOC 2 readiness at 70% of controls evidenced.', 'SOC 2 readiness at 45% of controls evidenced.'],
  ['Fifteen initiatives', 'Fourteen initiatives'],
  ['; one cut (legacy loyalty sunset)', ''],
  ['Peak-season capacity and WMS vendor depth are the two risks we ask the board to watch. Credential stuffing is contained but remains severe if it succeeds.',
    'Peak-season capacity and the key-person dependency in the data team are the two risks we ask the board to watch.'],
  ['Note the Datadog and Zendesk renewals inside their notice periods.', 'Approve phishing-resistant MFA for all staff.'],
]

function must(result: WriteResult | boolean, what: string): void {
  if (result === false || (typeof result === 'object' && !result.ok)) throw new Error(`Demo history refused (${what})`)
}

function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  return copy
}

function replaceAll(text: string): string {
  return SUMMARY_THEN.reduce((t, [now, then]) => t.replace(now, then), text)
}

function summaryBlocksThen(day: Date): Block[] {
  const blocks: Block[] = [{ type: 'heading', level: 1, text: `Board summary — ${quarterLabelOf(day)}` }, ...SUMMARY_BODY]
  return blocks.map((b) => ('text' in b ? { ...b, text: replaceAll(b.text) } : 'items' in b ? { ...b, items: b.items.map(replaceAll) } : b))
}

/**
 * `live` is the demo document of `kind` as seeded on `now`; the result is a new document with its
 * content as of the board meeting held on `meetingDay`.
 */
export function demoStateAtBoardMeeting(kind: BoardAgendaKind, live: Y.Doc, meetingDay: Date, now: Date): Y.Doc {
  const then = copyOf(live)
  then.transact(() => {
    switch (kind) {
      case 'roadmap':
        for (const initiative of readRoadmap(then).initiatives) {
          const patch = ROADMAP_THEN[initiative.title]
          if (patch === null) must(removeInitiative(then, initiative.id), initiative.title)
          else if (patch) must(updateInitiative(then, initiative.id, patch), initiative.title)
        }
        return
      case 'brief': {
        // Reviews dated as long before the meeting as today's are before today.
        const shift = dayNumber(toIsoDate(now)) - dayNumber(toIsoDate(meetingDay))
        for (const section of readBrief(then).sections) {
          const { narrative, ...patch } = BRIEF_THEN[section.pillar] ?? { narrative: null }
          const reviewedOn = section.reviewedOn ? addDays(section.reviewedOn, -shift) : null
          must(updatePillar(then, section.pillar, { ...patch, reviewedOn }), section.pillar)
          if (narrative !== null) {
            const fragment = getPillarNarrative(then, section.pillar, { writable: true }) as Y.XmlFragment
            fragment.delete(0, fragment.length)
            appendBlocks(fragment, paragraphs(narrative))
          }
        }
        return
      }
      case 'risks': {
        // Only what had been opened by then, as it stood (nothing had closed yet).
        const day = toIsoDate(meetingDay)
        for (const risk of readRisks(then).risks) {
          if (!risk.openedOn || risk.openedOn > day) must(removeRisk(then, risk.id), risk.title)
        }
        return
      }
      case 'summary': {
        must(setSummaryMeta(then, 'quarterLabel', quarterLabelOf(meetingDay)), 'quarter')
        const body = getBodyFragment(then)
        body.delete(0, body.length)
        appendBlocks(body, summaryBlocksThen(meetingDay))
        return
      }
    }
  })
  return then
}

/**
 * The notes taken at that board meeting: the notes template's sections, filled in. Written once
 * into an empty body (appending them after the template wrote every heading twice).
 */
export function demoBoardNotes(): Y.Doc {
  const doc = new Y.Doc()
  appendBlocks(getBodyFragment(doc), [
    { type: 'heading', level: 2, text: 'Agenda' },
    { type: 'bulletList', items: ['Quarterly board summary', 'Pillar brief', 'Roadmap', 'Risk and incident log'] },
    { type: 'heading', level: 2, text: 'Decisions' },
    { type: 'bulletList', items: ['Approved: phishing-resistant MFA for all staff (hardware keys for admins, passkeys for everyone else).', 'Deferred: a second engineering hub, to revisit after peak season.'] },
    { type: 'heading', level: 2, text: 'Discussion' },
    { type: 'paragraph', text: 'The board asked for the order service cut-over plan, with a rehearsed rollback, before peak. Security is at risk: SOC 2 evidence is behind plan and admins still sign in with SMS codes. The board wants monthly updates until it is back on watch.' },
    { type: 'heading', level: 2, text: 'Actions' },
    { type: 'bulletList', items: ['Tom: cut-over plan and rollback rehearsal date.', 'Sam: SOC 2 auditor quotes.', 'Grace: next year’s run-rate envelope options.'] },
  ])
  return doc
}
