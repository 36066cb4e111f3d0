# Migration image: applies db/migrations/*.sql in order with psql (run by the migration Job).
# Build with `docker build -f deploy/migrations.Dockerfile .` (from the repository root)
FROM postgres:{app.versions.postgres}-alpine
COPY db/migrations /migrations
USER postgres
CMD ["sh", "-c", "for f in /migrations/*.sql; do echo \"applying $f\"; psql -v ON_ERROR_STOP=1 --single-transaction -f \"$f\" \"$DATABASE_URL\" || exit 1; done"]
