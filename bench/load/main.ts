// The load-generator process: one run of one scenario against one server, then exit.
// Started by the orchestrator with an IPC channel; results go back as one message.
import { runHistory } from './history'
import { runExtras } from './extras'
import { runIdle } from './idle'
import type { FromLoad, ToLoad } from './ipc'
import { runLatency } from './latency'

process.on('message', async (m: ToLoad) => {
  if (m.type !== 'run') return
  try {
    const result = m.scenario === 'latency' ? await runLatency(m.server, m.params)
      : m.scenario === 'history' ? await runHistory(m.server, m.params)
      : m.scenario === 'idle' ? await runIdle(m.server, m.params)
      : await runExtras(m.server)
    process.send!({ type: 'result', result } satisfies FromLoad, () => process.exit(0))
  } catch (err) {
    process.send!({ type: 'error', message: (err as Error).stack ?? String(err) } satisfies FromLoad, () => process.exit(1))
  }
})
