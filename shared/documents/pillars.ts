// The eight pillars a technology leader reports on, in their fixed reading order.
export const PILLARS = [
  'product',
  'project',
  'experience',
  'engineering',
  'quality',
  'operational',
  'security',
  'business',
] as const
export type PillarKey = (typeof PILLARS)[number]

export const PILLAR_LABELS: Record<PillarKey, string> = {
  product: 'Product',
  project: 'Project',
  experience: 'Experience',
  engineering: 'Engineering',
  quality: 'Quality',
  operational: 'Operational',
  security: 'Security',
  business: 'Business',
}

export function isPillarKey(value: unknown): value is PillarKey {
  return typeof value === 'string' && (PILLARS as readonly string[]).includes(value)
}
