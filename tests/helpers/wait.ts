// Poll for a condition instead of sleeping: tests synchronise on behaviour, not on time.
export async function waitFor<T>(check: () => T | Promise<T>, opts: { timeoutMs?: number; intervalMs?: number; message?: string } = {}): Promise<NonNullable<T>> {
  const deadline = Date.now() + (opts.timeoutMs ?? 10_000)
  let lastError: unknown
  for (;;) {
    try {
      const value = await check()
      if (value) return value as NonNullable<T>
    } catch (err) {
      lastError = err
    }
    if (Date.now() > deadline) {
      throw new Error(`waitFor timed out: ${opts.message ?? ''}${lastError ? ` (last error: ${(lastError as Error).message})` : ''}`)
    }
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 25))
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
