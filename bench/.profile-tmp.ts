import { CORPORA, makeDocs, makeQueries } from './search.ts'
import { EmbeddedSearchEngine } from '#app/domain/search/embedded-engine.ts'
const corpus = CORPORA[(process.argv[2] ?? 'dense') as 'dense']
const { docs, draw } = makeDocs(corpus, 10000)
const queries = makeQueries(corpus, draw, 1000)
const engine = new EmbeddedSearchEngine()
let t = performance.now()
await engine.replaceAll(docs)
console.log('build', performance.now() - t)
for (const q of makeQueries(corpus, draw, 100)) engine.searchSync({ q: q.q, readerLevel: q.readerLevel, limit: 10, offset: 0 })
const slow: Array<[number, string, number]> = []
for (const q of queries) {
  const t0 = performance.now()
  const r = engine.searchSync({ q: q.q, readerLevel: q.readerLevel, limit: 10, offset: 0 })
  slow.push([performance.now() - t0, q.kind + ' ' + q.q + ' ' + q.readerLevel, r.total])
}
slow.sort((a, b) => b[0] - a[0])
console.log(slow.slice(0, 15).map((s) => s[0].toFixed(1) + ' ' + s[1] + ' total=' + s[2]).join('\n'))
