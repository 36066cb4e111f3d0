package io.veroforge.generator.scan;

import static io.veroforge.generator.scan.ScanFixtures.cleanRepository;
import static io.veroforge.generator.scan.ScanFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecurityScannerTest {

    private static ScanReport scan(Map<String, String> files) {
        return new SecurityScanner().scan(files);
    }

    /** "severity rule file:line" of every finding, for compact assertions on where each one points. */
    private static List<String> where(ScanReport report) {
        return report.findings().stream().map(f -> f.severity() + " " + f.rule() + " " + f.file() + ":" + f.line()).toList();
    }

    @Test
    void theCleanRepositoryHasNoFindings() {
        ScanReport report = scan(cleanRepository());
        assertThat(report.findings()).isEmpty();
        assertThat(report.hasCritical()).isFalse();
        assertThat(report.summary()).isEqualTo("security scan: no findings — passed");
    }

    // --- row-level security -------------------------------------------------------------------

    @Test
    void tenantTableWithoutRlsForceOrPolicyIsCritical() {
        ScanReport report = scan(with("db/migrations/002_visits.sql", """
                -- visits
                CREATE TABLE visits (
                  id uuid PRIMARY KEY,
                  tenant_id uuid NOT NULL
                );
                ALTER TABLE visits ENABLE ROW LEVEL SECURITY;

                CREATE TABLE public."Notes" (id uuid PRIMARY KEY, tenant_id uuid NOT NULL, body text);
                ALTER TABLE ONLY public."Notes" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
                CREATE POLICY open_policy ON public."Notes" USING (true);
                """));
        assertThat(where(report)).containsExactlyInAnyOrder(
                "CRITICAL missing-rls db/migrations/002_visits.sql:2",   // visits: not forced
                "CRITICAL missing-rls db/migrations/002_visits.sql:2",   // visits: no policy
                "HIGH missing-rls db/migrations/002_visits.sql:8");      // Notes: its policy ignores tenant_id
        assertThat(report.findings()).extracting(Finding::message).anyMatch(m -> m.contains("visits does not force row-level security"))
                .anyMatch(m -> m.contains("visits has no row-level security policy"));
        assertThat(report.hasCritical()).isTrue();
    }

    @Test
    void tableWithoutTenantIdIsFlaggedUnlessItIsAPlatformTable() {
        ScanReport report = scan(with("db/migrations/003_misc.sql", """
                CREATE TABLE settings (key text PRIMARY KEY, value text);
                CREATE TABLE IF NOT EXISTS _prisma_migrations (id varchar(36) PRIMARY KEY);
                -- veroforge:platform-table
                CREATE TABLE plans (id uuid PRIMARY KEY);
                CREATE TEMP TABLE scratch (x int);
                """));
        assertThat(where(report)).containsExactly("HIGH missing-rls db/migrations/003_misc.sql:1");
        assertThat(report.findings().get(0).fix()).contains("-- veroforge:platform-table");
    }

    @Test
    void disablingOrUnforcingRlsInALaterMigrationIsCritical() {
        ScanReport report = scan(with("db/migrations/004_oops.sql", """
                ALTER TABLE "jobs" DISABLE ROW LEVEL SECURITY;
                -- later
                ALTER TABLE jobs NO FORCE ROW LEVEL SECURITY;
                """));
        assertThat(where(report)).contains(
                "CRITICAL missing-rls db/migrations/004_oops.sql:1",
                "CRITICAL missing-rls db/migrations/004_oops.sql:3",
                // and the table is left without both (reported where it was created)
                "CRITICAL missing-rls db/migrations/001_init.sql:10");
    }

    @Test
    void statementsAreSplitOnlyAtTopLevelSemicolons() {
        List<SqlStatements.Statement> statements = SqlStatements.split(ScanFixtures.MIGRATION);
        assertThat(statements).extracting(s -> s.line()).containsExactly(2, 5, 10, 16, 17, 18, 22);
        assertThat(statements.get(2).text()).contains("'open; still one statement'").doesNotContain("a comment");
        assertThat(statements.get(6).text()).startsWith("CREATE FUNCTION").endsWith("LANGUAGE plpgsql");
        assertThat(SqlStatements.split("SELECT 'it''s; fine'; SELECT E'\\\\'; x'; SELECT $tag$ ; $tag$"))
                .extracting(SqlStatements.Statement::text)
                .containsExactly("SELECT 'it''s; fine'", "SELECT E'\\\\'", "x'; SELECT $tag$ ; $tag$");
    }

    // --- SQL built from strings ------------------------------------------------------------------

    @Test
    void sqlBuiltByConcatenationOrInterpolationIsCritical() {
        ScanReport report = scan(with("api/src/jobs/search.ts", """
                export async function search(prisma: PrismaClient, term: string, sort: string) {
                  const a = await prisma.$queryRawUnsafe("SELECT * FROM jobs WHERE title = '" + term + "'");
                  const b = await pool.query(`SELECT * FROM jobs ORDER BY ${sort}`);
                  let q = 'SELECT id FROM jobs';
                  q += ' WHERE status = ' + term;
                  const ok = await prisma.$queryRaw`SELECT * FROM jobs WHERE title = ${term}`;
                  const msg = 'Hello ' + term; // not SQL
                  return [a, b, ok, msg];
                }
                """));
        assertThat(where(report)).containsExactly(
                "CRITICAL sql-injection api/src/jobs/search.ts:2",
                "CRITICAL sql-injection api/src/jobs/search.ts:3",
                "CRITICAL sql-injection api/src/jobs/search.ts:5");
    }

    @Test
    void taggedTemplatesWithTypeArgumentsBindTheirValues() {
        ScanReport report = scan(with("api/src/db/cipher.ts", """
                export async function encrypt(tx: Tx, text: string, key: string) {
                  const rows = await tx.$queryRaw<{ v: Uint8Array }[]>`select pgp_sym_encrypt(${ text }, ${ key }) as v`;
                  const more = await tx.$queryRaw <Row[]> `select id from jobs where id = ${ text }`;
                  const bad = limit > `select id from jobs where id = ${ text }`;
                  return [rows, more, bad];
                }
                """));
        assertThat(where(report)).containsExactly("CRITICAL sql-injection api/src/db/cipher.ts:4");
    }

    @Test
    void sqlInterpolationInTestCodeIsMediumBecauseTestsTakeNoUserInput() {
        ScanReport report = scan(with("api/test/tenant-isolation.e2e-spec.ts", """
                it('sees nothing of tenant A', async () => {
                  expect((await db.query(`select id from ${ table } where id = $1`, [id])).rowCount).toBe(0);
                });
                """));
        assertThat(where(report)).containsExactly("MEDIUM sql-injection api/test/tenant-isolation.e2e-spec.ts:2");
    }

    @Test
    void unsafeRawQueryWithoutConcatenationIsStillHigh() {
        ScanReport report = scan(with("api/src/raw.ts", """
                const sql = buildSql();
                await prisma.$executeRawUnsafe(sql);
                """));
        assertThat(where(report)).containsExactly("HIGH sql-injection api/src/raw.ts:2");
    }

    // --- route guards ----------------------------------------------------------------------------

    @Test
    void routesWithoutAnyGuardAreCritical() {
        ScanReport report = scan(with("api/src/visits/visits.controller.ts", """
                @Controller('visits')
                export class VisitsController {
                  @Get()
                  @UseGuards()
                  list() { return []; }

                  @UseGuards(TenantGuard)
                  @Post()
                  create(@Body() dto: CreateJobDto) { return dto; }

                  @Delete(':id')
                  remove(@Param('id') id: string) { return id; }
                }
                """));
        assertThat(where(report)).containsExactly(
                "CRITICAL unguarded-route api/src/visits/visits.controller.ts:3",    // @UseGuards() without a guard
                "CRITICAL unguarded-route api/src/visits/visits.controller.ts:11");
        assertThat(report.findings().get(0).message()).isEqualTo("@Get VisitsController.list has no guard: anyone can call it"
                + " without a tenant or a role");
    }

    @Test
    void aGlobalGuardCoversEveryRouteAndPublicOptOutsAreReportedLow() {
        ScanReport report = scan(with(
                "api/src/app.module.ts", """
                        @Module({ providers: [{ provide: APP_GUARD, useClass: JwtAuthGuard }] })
                        export class AppModule {}
                        """,
                "api/src/health.controller.ts", """
                        @Controller('health')
                        export class HealthController {
                          @Public()
                          @Get()
                          check() { return { ok: true }; }

                          @Get('deep')
                          deep() { return { ok: true }; }
                        }
                        """));
        assertThat(where(report)).containsExactly("LOW unguarded-route api/src/health.controller.ts:4");
        assertThat(report.hasCritical()).isFalse();
    }

    // --- DTO validation --------------------------------------------------------------------------

    @Test
    void writeRoutesNeedValidatedDtoBodies() {
        ScanReport report = scan(with(
                "api/src/jobs/dto/create-job.dto.ts", """
                        import { IsString } from 'class-validator';
                        export class CreateJobDto {
                          @IsString()
                          title!: string;

                          @IsOptional()
                          notes?: string;
                          priority: number;
                        }
                        export class UpdateJobDto extends PartialType(CreateJobDto) {}
                        """,
                "api/src/raw.controller.ts", """
                        @Controller('raw')
                        @UseGuards(TenantGuard)
                        export class RawController {
                          @Post()
                          create(@Body() body: any) { return body; }

                          @Put(':id')
                          replace(@Param('id') id: string, @Body('title') title: string) { return title; }

                          @Patch(':id')
                          patch(@Body() body: Record<string, unknown>) { return body; }
                        }
                        """));
        assertThat(where(report)).containsExactlyInAnyOrder(
                "HIGH dto-validation api/src/jobs/dto/create-job.dto.ts:7",   // notes: only @IsOptional()
                "HIGH dto-validation api/src/jobs/dto/create-job.dto.ts:8",   // priority: nothing
                "HIGH dto-validation api/src/raw.controller.ts:5",            // any
                "HIGH dto-validation api/src/raw.controller.ts:8",            // one property, unvalidated
                "HIGH dto-validation api/src/raw.controller.ts:11");          // Record<…>
    }

    @Test
    void validatorNamesWithDigitsCount() {
        ScanReport report = scan(with("api/src/jobs/dto/create-job.dto.ts", """
                import { IsISO8601, IsOptional } from 'class-validator';
                export class CreateJobDto {
                  @IsISO8601()
                  scheduledFor!: string;

                  @IsOptional()
                  @IsISO8601({ strict: true })
                  completedAt?: string | null;
                }
                export class UpdateJobDto extends PartialType(CreateJobDto, { skipNullProperties: false }) {}
                """));
        // the options object of PartialType is not the class body: skipNullProperties is no property
        assertThat(report.findings()).isEmpty();
    }

    @Test
    void dtoDecoratorsWithoutAValidationPipeDoNothing() {
        ScanReport report = scan(with("api/src/main.ts", ScanFixtures.MAIN.replace(
                "  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true }));\n", "")));
        assertThat(where(report)).containsExactly("HIGH dto-validation api/src/main.ts:0");
        assertThat(report.findings().get(0).fix()).contains("useGlobalPipes(new ValidationPipe");
    }

    // --- secrets -------------------------------------------------------------------------------

    @Test
    void hardCodedSecretsAndDefaultPasswordsAreCritical() {
        ScanReport report = scan(with(
                "api/src/config.ts", """
                        export const config = {
                          databaseUrl: 'postgres://postgres:postgres@db:5432/app',
                          jwtSecret: 'super-secret-value',
                          password: process.env.DB_PASSWORD,
                          fromEnv: process.env.DATABASE_URL,
                          apiKey: process.env.API_KEY ?? 'dev-key-123',
                        };
                        export const token = jwt.sign(payload, 'hardcoded-signing-key');
                        const aws = 'AKIAABCDEFGHIJKLMNOP';
                        """,
                "deploy/k8s/secrets.yaml", """
                        apiVersion: v1
                        kind: Pod
                        spec:
                          containers:
                            - name: db
                              env:
                                - name: POSTGRES_PASSWORD
                                  value: postgres
                                - name: POSTGRES_USER
                                  value: app
                        """,
                "deploy/Dockerfile.db", """
                        FROM postgres:17.2
                        ENV POSTGRES_PASSWORD=changeme
                        """,
                "api/.env", """
                        DATABASE_URL=postgresql://${DB_USER}:${DB_PASSWORD}@db:5432/app
                        JWT_SECRET=abcdef123456
                        """,
                "deploy/keys/tls.key", "-----BEGIN RSA PRIVATE KEY-----\nMIIEow...\n-----END RSA PRIVATE KEY-----\n",
                "api/test/jobs.e2e-spec.ts", "const password = 'test-password';\n"));
        assertThat(where(report)).containsExactlyInAnyOrder(
                "CRITICAL hardcoded-secret api/src/config.ts:2",
                "CRITICAL hardcoded-secret api/src/config.ts:3",
                "HIGH hardcoded-secret api/src/config.ts:6",
                "CRITICAL hardcoded-secret api/src/config.ts:8",
                "CRITICAL hardcoded-secret api/src/config.ts:9",
                "CRITICAL hardcoded-secret deploy/k8s/secrets.yaml:7",
                "CRITICAL hardcoded-secret deploy/Dockerfile.db:2",
                "CRITICAL hardcoded-secret api/.env:2",
                "CRITICAL hardcoded-secret deploy/keys/tls.key:1",
                "MEDIUM hardcoded-secret api/test/jobs.e2e-spec.ts:1");
        // a finding never repeats the secret
        assertThat(report.findings()).extracting(Finding::toString)
                .noneMatch(s -> s.contains("super-secret-value") || s.contains("abcdef123456") || s.contains("changeme"));
        assertThat(report.findings().stream().filter(f -> f.line() == 2 && f.file().equals("api/src/config.ts")).findFirst().orElseThrow()
                .message()).contains("user = password");
    }

    // --- CORS ----------------------------------------------------------------------------------

    @Test
    void wildcardCorsIsFlaggedAndCriticalWithCredentials() {
        ScanReport report = scan(with(
                "api/src/main.ts", ScanFixtures.MAIN.replace("app.enableCors({ origin: process.env.CORS_ORIGINS?.split(',') ?? [], credentials: true });",
                        "app.enableCors({\n    origin: true,\n    credentials: true,\n  });"),
                "api/src/other.ts", """
                        app.enableCors();
                        other.enableCors({ origin: '*' });
                        const server = await NestFactory.create(AppModule, { cors: true });
                        res.setHeader('Access-Control-Allow-Origin', '*');
                        """,
                "deploy/k8s/ingress.yaml", """
                        metadata:
                          annotations:
                            nginx.ingress.kubernetes.io/enable-cors: "true"
                            nginx.ingress.kubernetes.io/cors-allow-origin: "*"
                        """));
        assertThat(where(report)).containsExactlyInAnyOrder(
                "CRITICAL cors-wildcard api/src/main.ts:8",
                "HIGH cors-wildcard api/src/other.ts:1",
                "HIGH cors-wildcard api/src/other.ts:2",
                "HIGH cors-wildcard api/src/other.ts:3",
                "HIGH cors-wildcard api/src/other.ts:4",
                "HIGH cors-wildcard deploy/k8s/ingress.yaml:4");
    }

    // --- pinning -------------------------------------------------------------------------------

    @Test
    void dependenciesMustBePinnedToExactVersions() {
        ScanReport report = scan(with("ui/package.json", """
                {
                  "name": "ui",
                  "dependencies": {
                    "react": "^19.1.0",
                    "react-dom": "~19.1.0",
                    "left-pad": "*",
                    "lodash": "latest",
                    "zod": ">=3.0.0 <4.0.0",
                    "my-fork": "git+https://github.com/acme/fork.git#main",
                    "alias": "npm:preact@10.26.4",
                    "exact": "1.2.3",
                    "pre": "2.0.0-rc.1"
                  },
                  "devDependencies": {
                    "vite": "7.x"
                  },
                  "peerDependencies": {"react": ">=18"}
                }
                """, "mobile/package.json", "{ \"dependencies\": { \"expo\": \"54\" }, }"));
        assertThat(where(report)).containsExactlyInAnyOrder(
                "MEDIUM unpinned-dependency ui/package.json:4",
                "MEDIUM unpinned-dependency ui/package.json:5",
                "MEDIUM unpinned-dependency ui/package.json:6",
                "MEDIUM unpinned-dependency ui/package.json:7",
                "MEDIUM unpinned-dependency ui/package.json:8",
                "MEDIUM unpinned-dependency ui/package.json:9",
                "MEDIUM unpinned-dependency ui/package.json:15",
                "MEDIUM unpinned-dependency mobile/package.json:1");   // not valid JSON (trailing comma)
        assertThat(report.findings()).filteredOn(f -> f.line() == 4).singleElement()
                .satisfies(f -> assertThat(f.fix()).isEqualTo("pin an exact version, e.g. \"react\": \"19.1.0\""));
        assertThat(report.hasCritical()).isFalse();
    }

    @Test
    void containerImagesMustBePinned() {
        ScanReport report = scan(with(
                "deploy/Dockerfile", """
                        FROM node AS deps
                        FROM node:latest AS build
                        FROM deps
                        FROM gcr.io/distroless/nodejs22-debian12@sha256:abc123
                        FROM registry.example.com:5000/base
                        """,
                "deploy/k8s/deployment.yaml", ScanFixtures.DEPLOYMENT.replace("registry.example.com/acme/api:1.0.0", "registry.example.com/acme/api")));
        assertThat(where(report)).containsExactlyInAnyOrder(
                "MEDIUM unpinned-image deploy/Dockerfile:1",
                "MEDIUM unpinned-image deploy/Dockerfile:2",
                "MEDIUM unpinned-image deploy/Dockerfile:5",
                "MEDIUM unpinned-image deploy/k8s/deployment.yaml:10");
    }

    // --- report --------------------------------------------------------------------------------

    @Test
    void theReportOrdersWorstFirstCountsEverySeverityAndFailsOnCritical() {
        ScanReport report = scan(with(
                "ui/package.json", "{\"dependencies\": {\"react\": \"^19.0.0\"}}",
                "api/src/config.ts", "export const password = 'hunter22';\n"));
        assertThat(report.findings()).extracting(Finding::severity).containsExactly(FindingSeverity.CRITICAL, FindingSeverity.MEDIUM);
        assertThat(report.counts()).containsEntry(FindingSeverity.CRITICAL, 1L).containsEntry(FindingSeverity.HIGH, 0L)
                .containsEntry(FindingSeverity.MEDIUM, 1L).containsEntry(FindingSeverity.LOW, 0L);
        assertThat(report.hasCritical()).isTrue();
        assertThat(report.summary()).isEqualTo("security scan: 1 critical, 0 high, 1 medium, 0 low — FAILED (critical findings)");
        assertThat(report.findings().get(0).toString()).startsWith("api/src/config.ts:1: critical [hardcoded-secret] ");
    }

    @Test
    void aRuleThatCrashesBecomesAFindingInsteadOfStoppingTheScan() {
        ScanRule broken = new ScanRule() {
            @Override
            public String id() {
                return "broken";
            }

            @Override
            public List<Finding> check(GeneratedFiles files) {
                throw new IllegalStateException("boom");
            }
        };
        ScanReport report = new SecurityScanner(List.of(broken, new CorsRule())).scan(with("api/src/x.ts", "app.enableCors();\n"));
        assertThat(where(report)).containsExactly("HIGH broken (scanner):0", "HIGH cors-wildcard api/src/x.ts:1");
    }
}
