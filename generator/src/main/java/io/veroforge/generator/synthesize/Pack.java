package io.veroforge.generator.synthesize;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.veroforge.generator.model.ResolvedModel;

/**
 * A template pack: its name, its templates (classpath resources under {@code packs/<name>/}) and
 * its revision. The revision is the first 12 hex digits of a SHA-256 over every template's path
 * and bytes in a fixed order, so it changes exactly when a template changes, and the same
 * templates always give the same revision (and so byte-identical headers).
 */
public record Pack(String name, String revision, Map<String, String> templates) {

    public static final String NESTJS_PRISMA_REACT = "nestjs-prisma-react";

    /** Template files of {@code nestjs-prisma-react}, relative to its folder. */
    static final List<String> NESTJS_PRISMA_REACT_TEMPLATES = List.of(
            "README.md", "gitignore", "ci.yml",
            "db/schema.sql", "db/audit.sql",
            "api/package.json", "api/tsconfig.json", "api/tsconfig.build.json", "api/prisma.config.ts", "api/schema.prisma",
            "api/env.example", "api/jest-e2e.config.js", "api/eslint.config.mjs", "ui/eslint.config.mjs",
            "api/src/auth/dev-login.controller.ts", "api/src/auth/token-verifier.ts", "api/test/auth.e2e-spec.ts",
            "ui/src/auth.ts", "ui/src/SignIn.tsx", "ui/src/ReferenceSelect.tsx",
            "api/src/main.ts", "api/src/setup.ts", "api/src/app.module.ts", "api/src/openapi.ts", "api/src/health.controller.ts",
            "api/src/db/prisma.service.ts", "api/src/db/tenant-db.ts", "api/src/db/prisma-errors.filter.ts", "api/src/db/field-cipher.ts",
            "api/src/db/db.module.ts",
            "api/src/auth/auth.ts", "api/src/auth/permissions.ts",
            "api/src/common/pagination.ts", "api/src/common/group-by.ts", "api/src/common/metrics.ts", "api/src/common/validators.ts", "api/src/common/access-log.interceptor.ts",
            "api/src/entity/module.ts", "api/src/entity/controller.ts", "api/src/entity/service.ts", "api/src/entity/dto.ts",
            "api/src/workflows/workflow-events.ts", "api/src/workflows/workflow-actions.ts", "api/src/workflows/workflows.module.ts",
            "api/src/workflows/workflow.ts", "api/src/workflows/cron.ts", "api/src/workflows/mailer.ts", "api/src/auth/user-directory.ts",
            "api/src/gaps/gaps.ts", "api/src/gaps/gap.ts",
            "api/test/helpers.ts", "api/test/crud.e2e-spec.ts", "api/test/tenant-isolation.e2e-spec.ts",
            "api/test/compliance.e2e-spec.ts", "api/test/gaps.e2e-spec.ts", "api/test/schedules.e2e-spec.ts",
            "api/test/mail.e2e-spec.ts", "api/test/gdpr.e2e-spec.ts", "api/test/links.e2e-spec.ts", "api/src/gdpr/gdpr.module.ts", "api/src/gdpr/data-subject.ts",
            "ui/package.json", "ui/tsconfig.json", "ui/vite.config.ts", "ui/index.html", "ui/src/main.tsx", "ui/src/App.tsx",
            "ui/src/api.ts", "ui/src/validation.ts", "ui/src/model.ts", "ui/src/EntityViews.tsx", "ui/src/entity.tsx", "ui/src/LinkSelect.tsx",
            "ui/src/Dashboard.tsx", "ui/src/styles.css",
            "mobile/package.json", "mobile/app.json", "mobile/App.tsx", "mobile/tsconfig.json",
            "deploy/api.Dockerfile", "deploy/ui.Dockerfile", "deploy/migrations.Dockerfile", "deploy/nginx.conf",
            "deploy/k8s/configmap.yaml", "deploy/k8s/api.yaml", "deploy/k8s/ui.yaml", "deploy/k8s/migration-job.yaml",
            "deploy/helm/Chart.yaml", "deploy/helm/values.yaml", "deploy/helm/templates/api.yaml", "deploy/helm/templates/ui.yaml",
            "deploy/helm/templates/configmap.yaml", "deploy/helm/templates/migration-job.yaml", "deploy/helm/templates/smtp-secret.yaml",
            "deploy/helm/templates/api-hpa.yaml", "api/test/metrics.e2e-spec.ts", "api/test/gap.e2e-spec.ts");

    /** HTTP endpoints this pack generates for a model: five CRUD routes per entity, GDPR export/erase where inferred, /health. */
    public static int endpointsOf(ResolvedModel model) {
        return 1 + model.entities().stream()
                .mapToInt(e -> 5 + (e.compliance().exportEndpoint() ? 1 : 0) + (e.compliance().eraseEndpoint() ? 1 : 0))
                .sum();
    }

    /** UI views this pack generates for a model: list, detail, create and edit per entity, plus the dashboard. */
    public static int uiViewsOf(ResolvedModel model) {
        return 1 + 4 * model.entities().size();
    }

    public static Pack nestjsPrismaReact() {
        return Holder.NESTJS_PRISMA_REACT;
    }

    private static final class Holder {
        static final Pack NESTJS_PRISMA_REACT = load(Pack.NESTJS_PRISMA_REACT, NESTJS_PRISMA_REACT_TEMPLATES);
    }

    /**
     * This pack as it generates on top of an improvements overlay: the same templates, a revision
     * that also covers the overlay's content, so every app regenerates when an improvement lands.
     * An empty overlay (revision null or empty) leaves the revision as it is.
     */
    public Pack withOverlay(String overlayRevision) {
        if (overlayRevision == null || overlayRevision.isEmpty()) {
            return this;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((revision + "+overlay:" + overlayRevision).getBytes(StandardCharsets.UTF_8));
            return new Pack(name, HexFormat.of().formatHex(digest).substring(0, 12), templates);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Pack load(String name, List<String> templatePaths) {
        Map<String, String> templates = new LinkedHashMap<>();
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (String path : templatePaths.stream().sorted().toList()) {
            String resource = "packs/" + name + "/" + path;
            try (InputStream in = Pack.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("template pack " + name + " is missing " + resource);
                }
                byte[] bytes = in.readAllBytes();
                sha.update(path.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(bytes);
                templates.put(path, new String(bytes, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String revision = HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        return new Pack(name, revision, Map.copyOf(templates));
    }
}
