// Entry point of `npm start` (bundled into dist/server/index.mjs): the server with its default tuning.
import { main } from './main'

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
