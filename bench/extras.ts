// Quorum features still being built: a meeting snapshot of 10 documents and comparing two
// 500-initiative roadmap versions. Measured (load/extras.ts) only when shared/documents/compare.ts
// AND a versions route exist; otherwise the figures are reported as TODO (null in the JSON).
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './servers/launch'

export interface PendingFeatures { compareModule: boolean; versionsRoute: boolean; note: string }

export function detectVersionFeatures(): PendingFeatures {
  const compareModule = existsSync(join(ROOT, 'shared/documents/compare.ts'))
  const routesDir = join(ROOT, 'server/routes')
  const versionsRoute = existsSync(routesDir) && readdirSync(routesDir).some((f) => /version|snapshot/i.test(f) || /['"`]\/[^'"`]*versions/.test(readFileSync(join(routesDir, f), 'utf8')))
  return {
    compareModule, versionsRoute,
    note: compareModule && versionsRoute
      ? 'measured'
      : `TODO(bench): not measured yet — needs shared/documents/compare.ts (${compareModule ? 'present' : 'missing'}) and a versions route (${versionsRoute ? 'present' : 'missing'})`,
  }
}
