// The tests' entry point (tests/helpers/server.ts): the same main() as `npm start`, with tuning
// values from a JSON argument (a 300 ms heartbeat, compaction every 40 rows, a large sign-up budget). It is bundled by
// tests/global-setup.ts beside the server's bundle and is not part of what operators run, so the
// tuning constants do not become environment variables.
import { main } from '../../server/main'

main(JSON.parse(process.argv[2] ?? '{}')).catch((err) => {
  console.error(err)
  process.exit(1)
})
