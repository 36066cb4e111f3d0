package io.veroforge.generator.synthesize;

import io.quarkus.qute.Engine;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.Template;
import io.veroforge.generator.gaps.GapFiller;
import io.veroforge.generator.gaps.GapReport;
import io.veroforge.generator.gaps.TemplateOnlyGapFiller;
import io.veroforge.generator.model.ResolvedModel;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code synthesize} stage: renders the {@code nestjs-prisma-react} pack for a resolved model.
 * Which file comes from which template, once per app or once per entity/workflow/gap, is listed
 * in {@link #synthesize}; everything the templates print is computed by {@link AppView}.
 * Deterministic: no clock, no randomness, files sorted by path.
 */
public final class Synthesizer {

    private static final java.util.regex.Pattern TEST_CASE = java.util.regex.Pattern.compile("(?m)^\\s*(it|test)(\\.each\\(.*\\))?\\(");

    private final Pack pack;
    private final GapBodyProvider gapBodies;
    private final Engine engine;
    private final Map<String, Template> parsed = new ConcurrentHashMap<>(); // shared by concurrent generations

    /** Template-only: every gap gets a stub handler that throws when it runs ({@link TemplateOnlyGapFiller}). */
    public Synthesizer() {
        this(new TemplateOnlyGapFiller());
    }

    /** Handler bodies from a gap filler (the template-only stub where it cannot fill a gap). */
    public Synthesizer(GapFiller filler) {
        this(GapBodyProvider.filledBy(filler));
    }

    /** Handler bodies from a provider written for the pack (see {@link GapBodyProvider}). */
    public Synthesizer(GapBodyProvider gapBodies) {
        this(Pack.nestjsPrismaReact(), gapBodies);
    }

    Synthesizer(Pack pack, GapBodyProvider gapBodies) {
        this.pack = pack;
        this.gapBodies = gapBodies;
        this.engine = engine();
    }

    /** The Qute engine the pack's templates are rendered with (also by {@link SchemaSql}). */
    static Engine engine() {
        return Engine.builder().addDefaults().addValueResolver(new ReflectionValueResolver()).strictRendering(true).build();
    }

    public Pack pack() {
        return pack;
    }

    /** The same gap handling with another revision of the pack (the one an improvements overlay gives). */
    public Synthesizer withPack(Pack other) {
        return new Synthesizer(other, gapBodies);
    }

    public GeneratedRepository synthesize(ResolvedModel model) {
        AppView app = new AppView(model, pack, gapBodies);
        TreeMap<String, String> files = new TreeMap<>();
        Out out = new Out(app, files);

        out.file("README.md", "README.md");
        out.file(".gitignore", "gitignore");
        out.file(".github/workflows/ci.yml", "ci.yml");

        out.file("db/migrations/V001__schema.sql", "db/schema.sql");
        if (app.auditLog()) {
            out.file("db/migrations/V002__audit.sql", "db/audit.sql");
        }

        for (String f : new String[] {"package.json", "tsconfig.json", "tsconfig.build.json", "prisma.config.ts", "jest-e2e.config.js", "eslint.config.mjs",
                "src/auth/dev-login.controller.ts", "src/auth/token-verifier.ts", "test/auth.e2e-spec.ts",
                "src/main.ts", "src/setup.ts", "src/app.module.ts", "src/openapi.ts", "src/health.controller.ts",
                "src/db/prisma.service.ts", "src/db/tenant-db.ts", "src/db/prisma-errors.filter.ts", "src/db/field-cipher.ts",
                "src/db/db.module.ts", "src/auth/auth.ts", "src/auth/permissions.ts", "src/common/pagination.ts", "src/common/group-by.ts", "src/common/metrics.ts",
                "src/common/validators.ts", "src/common/access-log.interceptor.ts",
                "src/workflows/workflow-events.ts", "src/workflows/workflow-actions.ts", "src/workflows/workflows.module.ts",
                "src/workflows/cron.ts", "src/workflows/mailer.ts", "src/auth/user-directory.ts", "src/gaps/gaps.ts",
                "test/helpers.ts", "test/crud.e2e-spec.ts", "test/tenant-isolation.e2e-spec.ts", "test/metrics.e2e-spec.ts"}) {
            out.file("api/" + f, "api/" + f);
        }
        out.file("api/prisma/schema.prisma", "api/schema.prisma");
        out.safeFile("api/.env.example", "api/env.example");
        if (app.hasComplianceTests()) {
            out.file("api/test/compliance.e2e-spec.ts", "api/test/compliance.e2e-spec.ts");
        }
        if (!app.gaps().isEmpty()) {
            out.file("api/test/gaps.e2e-spec.ts", "api/test/gaps.e2e-spec.ts");
        }
        for (AppView.GapHandlerView g : app.gaps()) {
            // the gap's own tests: no database, so the AI filler's validation can run them in a scratch copy
            out.render(g.testPath(), "api/test/gap.e2e-spec.ts", false, Map.of("gap", g));
        }
        if (!app.linkTests().isEmpty()) {
            out.file("api/test/links.e2e-spec.ts", "api/test/links.e2e-spec.ts");
        }
        if (app.hasSchedules()) {
            out.file("api/test/schedules.e2e-spec.ts", "api/test/schedules.e2e-spec.ts");
        }
        if (!app.mailExpectations().isEmpty()) {
            out.file("api/test/mail.e2e-spec.ts", "api/test/mail.e2e-spec.ts");
        }
        for (EntityView e : app.entities()) {
            String dir = "api/src/" + e.names().kebab() + "/" + e.names().kebab();
            out.entityFile(dir + ".module.ts", "api/src/entity/module.ts", e);
            out.entityFile(dir + ".controller.ts", "api/src/entity/controller.ts", e);
            out.entityFile(dir + ".service.ts", "api/src/entity/service.ts", e);
            out.entityFile(dir + ".dto.ts", "api/src/entity/dto.ts", e);
            out.entityFile("ui/src/entities/" + e.names().kebab() + ".tsx", "ui/src/entity.tsx", e);
        }
        if (!app.dataSubjects().isEmpty()) {
            out.file("api/src/gdpr/gdpr.module.ts", "api/src/gdpr/gdpr.module.ts");
            out.file("api/test/gdpr.e2e-spec.ts", "api/test/gdpr.e2e-spec.ts");
        }
        for (DataSubjectView s : app.dataSubjects()) {
            out.render("api/src/gdpr/" + s.fileName() + ".ts", "api/src/gdpr/data-subject.ts", false, Map.of("s", s));
        }
        for (WorkflowView w : app.workflows()) {
            out.render("api/src/workflows/" + w.fileName() + ".ts", "api/src/workflows/workflow.ts", false, Map.of("workflow", w));
        }
        for (AppView.GapHandlerView g : app.gaps()) {
            out.render(g.handler().path(), "api/src/gaps/gap.ts", true, Map.of("gap", g));
        }

        for (String f : new String[] {"package.json", "tsconfig.json", "vite.config.ts", "eslint.config.mjs", "index.html", "src/main.tsx", "src/App.tsx",
                "src/auth.ts", "src/SignIn.tsx", "src/ReferenceSelect.tsx",
                "src/api.ts", "src/validation.ts", "src/model.ts", "src/EntityViews.tsx", "src/LinkSelect.tsx", "src/Dashboard.tsx", "src/styles.css"}) {
            out.file("ui/" + f, "ui/" + f);
        }
        for (String f : new String[] {"package.json", "app.json", "App.tsx", "tsconfig.json"}) {
            out.file("mobile/" + f, "mobile/" + f);
        }
        for (String f : new String[] {"api.Dockerfile", "ui.Dockerfile", "migrations.Dockerfile", "nginx.conf", "k8s/configmap.yaml",
                "k8s/api.yaml", "k8s/ui.yaml", "k8s/migration-job.yaml"}) {
            out.file("deploy/" + f, "deploy/" + f);
        }
        String chart = "deploy/helm/" + app.slug() + "/";
        for (String f : new String[] {"Chart.yaml", "values.yaml", "templates/api.yaml", "templates/ui.yaml", "templates/configmap.yaml",
                "templates/migration-job.yaml", "templates/smtp-secret.yaml", "templates/api-hpa.yaml"}) {
            out.file(chart + f, "deploy/helm/" + f);
        }

        // Jest fails a suite without tests: a spec file whose cases all depend on the model and none applied is not written
        files.entrySet().removeIf(f -> f.getKey().endsWith(".e2e-spec.ts") && !TEST_CASE.matcher(f.getValue()).find());

        int entities = app.entities().size();
        int endpoints = Pack.endpointsOf(model);
        int uiViews = Pack.uiViewsOf(model);
        int filled = (int) app.gapsFilled();
        GenerationSummary summary = new GenerationSummary(files.size(), entities, endpoints, uiViews, app.workflows().size(), filled,
                app.gaps().size() - filled);
        return new GeneratedRepository(pack.name(), pack.revision(), files, summary, gapReport(app));
    }

    /** Each gap, where its handler is and who wrote the body. */
    private static GapReport gapReport(AppView app) {
        return new GapReport(app.gaps().stream().map(g -> new GapReport.Entry(g.id(), g.handler().gap().type(), g.path(),
                g.handler().gap().description(), g.filled(), g.body().source(), g.handler().path(), g.body().provenance(), g.body().note()))
                .toList());
    }

    /** Collects rendered files; adds the header line each file's format allows. */
    private final class Out {
        private final AppView app;
        private final Map<String, String> files;

        Out(AppView app, Map<String, String> files) {
            this.app = app;
            this.files = files;
        }

        void file(String path, String template) {
            render(path, template, false, Map.of());
        }

        void safeFile(String path, String template) {
            render(path, template, true, Map.of());
        }

        void entityFile(String path, String template, EntityView entity) {
            render(path, template, false, Map.of("e", entity));
        }

        void render(String path, String templatePath, boolean safeToEdit, Map<String, Object> extra) {
            Template template = parsed.computeIfAbsent(templatePath, p -> {
                String text = pack.templates().get(p);
                if (text == null) {
                    throw new IllegalStateException("pack " + pack.name() + " has no template " + p);
                }
                return engine.parse(text, null, p);
            });
            var instance = template.data("app", app).data("header", FileHeader.text(pack, safeToEdit))
                    .data("headerJson", TsLiteral.json(FileHeader.text(pack, safeToEdit)));
            extra.forEach(instance::data);
            String body;
            try {
                body = instance.render();
            } catch (RuntimeException e) {
                throw new IllegalStateException("template " + templatePath + " failed for " + path + ": " + e.getMessage(), e);
            }
            String header = FileHeader.lineFor(path, pack, safeToEdit).orElse("");
            if (path.endsWith(".html") || path.endsWith("package.json")) {
                header = path.endsWith(".html") ? header : "";
            }
            files.put(path, header + body);
        }
    }
}
