// Zod 4 probes for `new Function` to compile fast parsers; under our CSP (script-src 'self', no
// 'unsafe-eval') the probe is refused and reported as a violation. The interpreted path is enough here.
import { config } from 'zod'

config({ jitless: true })
