// Writes the PostgreSQL copy of a schema folder: tsx scripts/lib/postgresql-schema.ts <schema dir> <out dir>
import { writePostgresqlSchema } from '#prisma/postgresql.ts'

const [schemaDir, outDir] = process.argv.slice(2)
if (!schemaDir || !outDir) throw new Error('usage: postgresql-schema.ts <schema dir> <out dir>')
writePostgresqlSchema(schemaDir, outDir)
