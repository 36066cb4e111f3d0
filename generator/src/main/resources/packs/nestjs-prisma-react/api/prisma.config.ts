import { defineConfig } from 'prisma/config';

// Prisma 7 reads the connection here, not in schema.prisma. Migrations are plain SQL in ../db/migrations,
// applied by the deploy Job (psql), so only `prisma generate` runs here, and it needs no database.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  datasource: { url: process.env.DATABASE_URL ?? '' },
});
