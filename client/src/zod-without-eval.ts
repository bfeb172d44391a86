// Zod 4 probes for `new Function` to compile fast parsers; under our CSP (script-src 'self', no
// 'unsafe-eval') the probe is refused and reported as a violation. The interpreted path is enough here.
// Imported first by main.tsx: zod reads this setting when an object schema is built, and the lazy
// chunks build theirs (shared/documents/) as they load, so it must be set before any of them runs.
// Only zod's small core comes with it; the schemas and the rest of zod load with the pages using them.
import { config } from 'zod'

config({ jitless: true })
