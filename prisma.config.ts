// Prisma CLI configuration. The app itself never reads this: lib/db builds its client from lib/env.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/signalhouse" },
});
