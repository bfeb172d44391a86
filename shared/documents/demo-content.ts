// Realistic demo content for a 400-person logistics / e-commerce company, relative to `today`
// so renewals and due dates always land in the interesting buckets. Written through the same
// validated writers the client uses; a refusal here is a bug, so it throws.
import type * as Y from 'yjs'
import type { DocumentKind } from '../document-kinds'
import { addDays, addMonths, toIsoDate } from './calendar'
import type { AddResult, WriteResult } from './fields'
import { applyTemplate } from './index'
import type { TemplateOptions } from './index'
import { appendBlocks, getBodyFragment, paragraphs } from './rich-text'
import type { Block } from './rich-text'
import { getPillarNarrative, updatePillar } from './brief'
import type { BriefSectionFields } from './brief'
import { addDecision, getDecisionContext } from './decisions'
import type { DecisionFields } from './decisions'
import { addRisk } from './risks'
import type { RiskFields } from './risks'
import { addInitiative, getInitiativeDescription, readRoadmap } from './roadmap'
import type { InitiativeFields } from './roadmap'
import type { PillarKey } from './pillars'
import { addVendor, addVendorHistory } from './vendors'
import type { VendorFields } from './vendors'
import { quarterLabelOf } from './summary'

function must<T extends WriteResult | AddResult>(result: T, what: string): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`Demo content refused (${what}): ${result.error}`)
  return result as Extract<T, { ok: true }>
}

type DemoInitiative = Omit<InitiativeFields, 'startMonth' | 'endMonth'> & { from: number; to: number; description: string }

const INITIATIVES: DemoInitiative[] = [
  { title: 'Self-serve returns portal', pillar: 'product', from: 0, to: 4, status: 'planned', oneOffCost: 180_000, runRateCost: 24_000, capacity: 60, risk: 'medium', riskNote: 'Refund rules differ by marketplace; legal review pending.', owner: 'Priya Nair', description: 'Let customers start a return, print a label and track the refund without calling support. Expected to remove a fifth of contact volume.' },
  { title: 'Dynamic delivery-slot pricing', pillar: 'product', from: 3, to: 8, status: 'proposed', oneOffCost: 240_000, runRateCost: 36_000, capacity: 80, risk: 'high', riskNote: 'Pricing model untested at peak; depends on carrier API rate limits.', owner: 'Priya Nair', description: 'Price delivery slots by demand to flatten the evening peak and lift margin per drop.' },
  { title: 'Legacy loyalty scheme sunset', pillar: 'product', from: 5, to: 6, status: 'cut', oneOffCost: 40_000, runRateCost: 0, capacity: 8, risk: 'low', riskNote: '', owner: 'Priya Nair', description: 'Cut in favour of the partner loyalty programme.' },
  { title: 'Portfolio tooling consolidation', pillar: 'project', from: 0, to: 2, status: 'in-progress', oneOffCost: 45_000, runRateCost: 12_000, capacity: 16, risk: 'low', riskNote: '', owner: 'Marcus Webb', description: 'One portfolio view across engineering and operations projects, replacing three spreadsheets.' },
  { title: 'Checkout redesign (mobile first)', pillar: 'experience', from: 1, to: 5, status: 'in-progress', oneOffCost: 150_000, runRateCost: 0, capacity: 72, risk: 'medium', riskNote: 'Payment provider SDK upgrade on the critical path.', owner: 'Lena Ortiz', description: 'Rebuild checkout for mobile, where 68% of orders now start. Target: conversion +1.5 points.' },
  { title: 'Driver app accessibility pass', pillar: 'experience', from: 6, to: 8, status: 'planned', oneOffCost: 60_000, runRateCost: 0, capacity: 24, risk: 'low', riskNote: '', owner: 'Lena Ortiz', description: 'WCAG 2.2 AA for the driver app, following complaints from two depots.' },
  { title: 'Order service migration to event streaming', pillar: 'engineering', from: 0, to: 9, status: 'in-progress', oneOffCost: 420_000, runRateCost: 96_000, capacity: 180, risk: 'high', riskNote: 'Dual-write period; rollback plan must be rehearsed before peak.', owner: 'Tom Alvarez', description: 'Move order events off the shared database onto a managed event stream so fulfilment, billing and analytics stop blocking each other.' },
  { title: 'CI pipeline speed-up', pillar: 'engineering', from: 2, to: 3, status: 'planned', oneOffCost: 30_000, runRateCost: 18_000, capacity: 12, risk: 'low', riskNote: '', owner: 'Tom Alvarez', description: 'Cut median build time from 24 to under 10 minutes with caching and parallel test shards.' },
  { title: 'Contract testing for partner APIs', pillar: 'quality', from: 2, to: 6, status: 'planned', oneOffCost: 55_000, runRateCost: 6_000, capacity: 30, risk: 'medium', riskNote: 'Needs cooperation from three carrier partners.', owner: 'Aisha Khan', description: 'Catch breaking partner API changes before they reach production; last quarter two outages came from unannounced changes.' },
  { title: 'Warehouse WMS upgrade (v9)', pillar: 'operational', from: 4, to: 10, status: 'planned', oneOffCost: 310_000, runRateCost: 48_000, capacity: 90, risk: 'high', riskNote: 'Cut-over must avoid the Q4 peak; vendor implementation team is thin.', owner: 'Dana Mensah', description: 'Upgrade the warehouse management system across both fulfilment centres, with a pilot at the smaller site first.' },
  { title: 'On-call and incident tooling', pillar: 'operational', from: 0, to: 1, status: 'done', oneOffCost: 20_000, runRateCost: 15_000, capacity: 6, risk: 'low', riskNote: '', owner: 'Dana Mensah', description: 'Paging, runbooks and post-incident reviews in one tool.' },
  { title: 'SOC 2 Type II readiness', pillar: 'security', from: 0, to: 7, status: 'in-progress', oneOffCost: 120_000, runRateCost: 40_000, capacity: 48, risk: 'medium', riskNote: 'Evidence collection depends on the HR system migration.', owner: 'Sam Okafor', description: 'Three enterprise customers require SOC 2 Type II by their next renewal.' },
  { title: 'Phishing-resistant MFA for all staff', pillar: 'security', from: 1, to: 3, status: 'planned', oneOffCost: 35_000, runRateCost: 22_000, capacity: 10, risk: 'low', riskNote: '', owner: 'Sam Okafor', description: 'Hardware keys for admins, passkeys for everyone else.' },
  { title: 'Data warehouse cost controls', pillar: 'business', from: 3, to: 5, status: 'proposed', oneOffCost: 25_000, runRateCost: 0, capacity: 14, risk: 'low', riskNote: '', owner: 'Grace Lin', description: 'Budgets and auto-suspend policies on the data warehouse; spend grew 40% last year.' },
  { title: 'B2B partner onboarding automation', pillar: 'business', from: 7, to: 11, status: 'proposed', oneOffCost: 140_000, runRateCost: 30_000, capacity: 50, risk: 'medium', riskNote: 'Sales commitments made before scoping.', owner: 'Grace Lin', description: 'Onboard a new B2B shipper in days instead of six weeks.' },
]

const BRIEF: Record<PillarKey, Omit<BriefSectionFields, 'reviewedOn'> & { reviewedDaysAgo: number; narrative: string }> = {
  product: { status: 'on-track', trend: 'improving', owner: 'Priya Nair', reviewedDaysAgo: 6, narrative: 'Returns portal design is signed off and build starts this month. Repeat-purchase rate rose to 34% after the subscription launch.' },
  project: { status: 'on-track', trend: 'steady', owner: 'Marcus Webb', reviewedDaysAgo: 9, narrative: 'Eleven of fourteen committed projects are green. The portfolio view replaces the weekly status spreadsheet next month.' },
  experience: { status: 'watch', trend: 'steady', owner: 'Lena Ortiz', reviewedDaysAgo: 4, narrative: 'Mobile conversion is flat while checkout is rebuilt. Driver app accessibility complaints need a plan before the next depot survey.' },
  engineering: { status: 'watch', trend: 'declining', owner: 'Tom Alvarez', reviewedDaysAgo: 3, narrative: 'The order service migration is two weeks behind after the dual-write bug. Deployment frequency dropped from daily to three times a week while the team focuses on it.' },
  quality: { status: 'on-track', trend: 'improving', owner: 'Aisha Khan', reviewedDaysAgo: 12, narrative: 'Escaped defects fell by a third quarter on quarter. Contract tests for the two largest carriers are live.' },
  operational: { status: 'at-risk', trend: 'declining', owner: 'Dana Mensah', reviewedDaysAgo: 2, narrative: 'Two carrier label outages cost roughly 3,000 late parcels. The WMS upgrade must land before peak or wait until January.' },
  security: { status: 'watch', trend: 'improving', owner: 'Sam Okafor', reviewedDaysAgo: 5, narrative: 'SOC 2 readiness is at 70% of controls evidenced. Credential-stuffing attempts rose; rate limiting and breached-password checks are in place.' },
  business: { status: 'on-track', trend: 'steady', owner: 'Grace Lin', reviewedDaysAgo: 14, narrative: 'Technology spend is 4.1% of revenue, within the 4–4.5% envelope. Cloud and data costs are the fastest-growing lines.' },
}

/** Notice deadlines land this many days from today; three fall inside 90 days. */
const VENDORS: Array<VendorFields & { deadlineInDays: number; history?: string[] }> = [
  { name: 'AWS', category: 'Cloud infrastructure', annualValue: 1_450_000, renewalDate: null, noticeDays: 90, owner: 'Tom Alvarez', assessment: 'keep', deadlineInDays: 200, history: ['Enterprise discount programme renewed at 12% discount.'] },
  { name: 'Salesforce', category: 'CRM', annualValue: 380_000, renewalDate: null, noticeDays: 60, owner: 'Grace Lin', assessment: 'review', deadlineInDays: 45, history: ['Licence count audit: 60 of 210 seats unused for 90 days.'] },
  { name: 'Atlassian', category: 'Engineering tooling', annualValue: 96_000, renewalDate: null, noticeDays: 30, owner: 'Marcus Webb', assessment: 'keep', deadlineInDays: 150 },
  { name: 'Datadog', category: 'Observability', annualValue: 210_000, renewalDate: null, noticeDays: 30, owner: 'Tom Alvarez', assessment: 'review', deadlineInDays: 20, history: ['Log ingestion overage three months running.', 'Quote requested from two alternatives.'] },
  { name: 'Okta', category: 'Identity', annualValue: 120_000, renewalDate: null, noticeDays: 60, owner: 'Sam Okafor', assessment: 'keep', deadlineInDays: 240 },
  { name: 'Zendesk', category: 'Customer support', annualValue: 140_000, renewalDate: null, noticeDays: 45, owner: 'Lena Ortiz', assessment: 'replace', deadlineInDays: 80, history: ['Support leads prefer a tool with native order lookup.'] },
  { name: 'Snowflake', category: 'Data platform', annualValue: 260_000, renewalDate: null, noticeDays: 90, owner: 'Grace Lin', assessment: 'review', deadlineInDays: 130 },
  { name: 'ShelfLogic WMS', category: 'Warehouse management', annualValue: 330_000, renewalDate: null, noticeDays: 180, owner: 'Dana Mensah', assessment: 'keep', deadlineInDays: 300, history: ['v9 upgrade statement of work signed.'] },
]

const DECISIONS: Array<Partial<DecisionFields> & { dueInDays: number; createdDaysAgo: number; context: string }> = [
  { question: 'Approve the order service cut-over window', owner: 'Tom Alvarez', dueInDays: -4, createdDaysAgo: 40, options: 'A: cut over before peak with a rehearsed rollback. B: defer to January and run dual-write through peak.', context: 'Engineering recommends option A if the rollback rehearsal passes.' },
  { question: 'Shortlist a Zendesk replacement', owner: 'Lena Ortiz', dueInDays: 12, createdDaysAgo: 21, options: 'Gorgias, Freshdesk, or renegotiate Zendesk.', context: 'Notice deadline is close; a shortlist is needed before we can negotiate.' },
  { question: 'Fund the SOC 2 auditor engagement', owner: 'Sam Okafor', dueInDays: 25, createdDaysAgo: 14, options: 'Two quotes: $68k and $85k.', context: 'Three enterprise renewals depend on the report.' },
  { question: 'Set next year’s platform run-rate envelope', owner: 'Grace Lin', dueInDays: 45, createdDaysAgo: 30, options: 'Hold at 4.1% of revenue, or allow 4.5% for the WMS and data platform.', context: 'Finance needs the envelope for the budget cycle.' },
  { question: 'Build or buy the dynamic pricing engine', owner: 'Priya Nair', dueInDays: 58, createdDaysAgo: 10, options: 'Build in-house (5 engineers, 6 months) or license a pricing service.', context: 'Depends on the carrier API capacity test.' },
  { question: 'Agree retention for driver telemetry data', owner: 'Sam Okafor', dueInDays: 75, createdDaysAgo: 7, options: '30 days raw / 13 months aggregated, or 90 days raw.', context: 'Works council consultation required.' },
  { question: 'Consolidate observability tooling', owner: 'Tom Alvarez', dueInDays: 120, createdDaysAgo: 3, options: 'Single vendor vs. open-source stack.', context: 'Follows the Datadog renewal outcome.' },
  { question: 'Adopt phishing-resistant MFA', owner: 'Sam Okafor', dueInDays: -10, createdDaysAgo: 50, status: 'decided', outcome: 'Approved: hardware keys for admins, passkeys for all staff.', context: 'Approved at the last board meeting.' },
  { question: 'Open a second engineering hub', owner: 'Marcus Webb', dueInDays: 30, createdDaysAgo: 60, status: 'deferred', outcome: 'Revisit after peak season.', context: 'Hiring market data gathered for two cities.' },
]

const RISKS: Array<Partial<RiskFields> & { openedDaysAgo: number; closedDaysAgo?: number }> = [
  { title: 'Peak-season capacity on the order service', kind: 'risk', pillar: 'engineering', severity: 4, likelihood: 4, owner: 'Tom Alvarez', status: 'mitigating', mitigation: 'Load test at 3× last peak; migration cut-over rehearsal.', openedDaysAgo: 110 },
  { title: 'Single WMS vendor with a thin support bench', kind: 'risk', pillar: 'operational', severity: 4, likelihood: 3, owner: 'Dana Mensah', status: 'open', mitigation: 'Named escalation contacts in the SOW; second integrator on standby.', openedDaysAgo: 45 },
  { title: 'Credential stuffing against customer accounts', kind: 'risk', pillar: 'security', severity: 5, likelihood: 2, owner: 'Sam Okafor', status: 'open', mitigation: 'Rate limiting, breached-password checks, bot detection at the edge.', openedDaysAgo: 20 },
  { title: 'Key-person dependency in the data team', kind: 'risk', pillar: 'business', severity: 3, likelihood: 3, owner: 'Grace Lin', status: 'open', mitigation: 'Pairing and runbooks for the finance pipelines.', openedDaysAgo: 150 },
  { title: 'Accessibility complaints on the driver app', kind: 'risk', pillar: 'experience', severity: 2, likelihood: 3, owner: 'Lena Ortiz', status: 'open', mitigation: 'Accessibility pass scheduled on the roadmap.', openedDaysAgo: 15 },
  { title: 'Carrier label API outage (4 hours)', kind: 'incident', pillar: 'operational', severity: 4, likelihood: 2, owner: 'Dana Mensah', status: 'mitigating', mitigation: 'Fallback label provider being contracted.', openedDaysAgo: 12 },
  { title: 'Checkout latency spike after release', kind: 'incident', pillar: 'experience', severity: 3, likelihood: 5, owner: 'Lena Ortiz', status: 'closed', mitigation: 'Rolled back; added a latency budget check to CI.', openedDaysAgo: 30, closedDaysAgo: 29 },
]

function fillRoadmap(doc: Y.Doc): void {
  const start = readRoadmap(doc).windowStart
  for (const { from, to, description, ...fields } of INITIATIVES) {
    const { id } = must(addInitiative(doc, { ...fields, startMonth: addMonths(start, from), endMonth: addMonths(start, to) }), fields.title)
    appendBlocks(getInitiativeDescription(doc, id, { writable: true }) as Y.XmlFragment, paragraphs(description))
  }
}

function fillBrief(doc: Y.Doc, today: Date): void {
  const day = toIsoDate(today)
  for (const [pillar, { reviewedDaysAgo, narrative, ...fields }] of Object.entries(BRIEF) as Array<[PillarKey, (typeof BRIEF)[PillarKey]]>) {
    must(updatePillar(doc, pillar, { ...fields, reviewedOn: addDays(day, -reviewedDaysAgo) }), pillar)
    const fragment = getPillarNarrative(doc, pillar, { writable: true }) as Y.XmlFragment
    if (fragment.length === 0) appendBlocks(fragment, paragraphs(narrative))
  }
}

function fillVendors(doc: Y.Doc, today: Date): void {
  const day = toIsoDate(today)
  for (const { deadlineInDays, history, ...fields } of VENDORS) {
    const renewalDate = addDays(day, deadlineInDays + fields.noticeDays)
    const { id } = must(addVendor(doc, { ...fields, renewalDate }), fields.name)
    history?.forEach((note, i) =>
      must(addVendorHistory(doc, id, { date: addDays(day, -30 * (history.length - i)), author: fields.owner, note }), note),
    )
  }
}

function fillDecisions(doc: Y.Doc, today: Date): void {
  const day = toIsoDate(today)
  for (const { dueInDays, createdDaysAgo, context, ...fields } of DECISIONS) {
    const decidedOn = fields.status === 'decided' ? addDays(day, -12) : null
    const init = { ...fields, dueDate: addDays(day, dueInDays), createdOn: addDays(day, -createdDaysAgo), decidedOn }
    const { id } = must(addDecision(doc, init), fields.question ?? '')
    appendBlocks(getDecisionContext(doc, id, { writable: true }) as Y.XmlFragment, paragraphs(context))
  }
}

function fillRisks(doc: Y.Doc, today: Date): void {
  const day = toIsoDate(today)
  for (const { openedDaysAgo, closedDaysAgo, ...fields } of RISKS) {
    const closedOn = closedDaysAgo === undefined ? null : addDays(day, -closedDaysAgo)
    must(addRisk(doc, { ...fields, openedOn: addDays(day, -openedDaysAgo), closedOn }), fields.title ?? '')
  }
}

export const SUMMARY_BODY: Block[] = [
  { type: 'heading', level: 2, text: 'Headlines' },
  { type: 'paragraph', text: 'Technology spend is within the agreed envelope at 4.1% of revenue. Checkout and returns work is on plan; the order service migration is two weeks late and is the main delivery risk before peak.' },
  { type: 'bulletList', items: ['Escaped defects down a third quarter on quarter.', 'Two carrier outages cost about 3,000 late parcels.', 'SOC 2 readiness at 70% of controls evidenced.'] },
  { type: 'heading', level: 2, text: 'Roadmap and spend' },
  { type: 'paragraph', text: 'Fifteen initiatives across the eight pillars; one cut (legacy loyalty sunset). The WMS upgrade and order service migration carry most of the one-off spend.' },
  { type: 'heading', level: 2, text: 'Risks and incidents' },
  { type: 'paragraph', text: 'Peak-season capacity and WMS vendor depth are the two risks we ask the board to watch. Credential stuffing is contained but remains severe if it succeeds.' },
  { type: 'heading', level: 2, text: 'Asks of the board' },
  { type: 'bulletList', items: ['Approve the order service cut-over window.', 'Note the Datadog and Zendesk renewals inside their notice periods.'] },
]

const NOTES_BODY: Block[] = [
  { type: 'heading', level: 2, text: 'Agenda' },
  { type: 'bulletList', items: ['Pillar brief: movements since last month (10 min)', 'Roadmap: order service cut-over decision (15 min)', 'Vendor renewals inside notice: Datadog, Salesforce, Zendesk (10 min)', 'Risk log: peak-season readiness (10 min)', 'Any other business (5 min)'] },
  { type: 'heading', level: 2, text: 'Discussion' },
  { type: 'paragraph', text: '' },
  { type: 'heading', level: 2, text: 'Actions' },
  { type: 'bulletList', items: [''] },
]

function fillBody(doc: Y.Doc, blocks: Block[]): void {
  const body = getBodyFragment(doc)
  doc.transact(() => {
    body.delete(0, body.length)
    appendBlocks(body, blocks)
  })
}

/** Writes demo content into a new document of the kind (applying its template first). */
export function fillDemo(kind: DocumentKind, doc: Y.Doc, today: Date, opts: TemplateOptions = {}): void {
  applyTemplate(kind, doc, { today, quarterLabel: quarterLabelOf(today), ...opts })
  doc.transact(() => {
    switch (kind) {
      case 'roadmap': return fillRoadmap(doc)
      case 'brief': return fillBrief(doc, today)
      case 'vendors': return fillVendors(doc, today)
      case 'decisions': return fillDecisions(doc, today)
      case 'risks': return fillRisks(doc, today)
      case 'summary': return fillBody(doc, [{ type: 'heading', level: 1, text: `Board summary — ${quarterLabelOf(today)}` }, ...SUMMARY_BODY])
      case 'notes': return fillBody(doc, NOTES_BODY)
    }
  })
}
