package io.veroforge.generator;

import io.veroforge.generator.analyze.SpecAnalyzer;
import io.veroforge.generator.ontology.Ontology;
import io.veroforge.generator.resolve.AppModelResolver;
import io.veroforge.generator.resolve.Resolution;
import io.veroforge.generator.scan.SecurityScanner;
import io.veroforge.generator.synthesize.GeneratedRepository;
import io.veroforge.generator.synthesize.Synthesizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;

/** Small helpers to run analyze → resolve on test YAML (inline or under src/test/resources/appspecs). */
public final class Fixtures {

    private Fixtures() {
    }

    public static Resolution resolveYaml(String yaml) {
        return new AppModelResolver().resolve(new SpecAnalyzer().analyze(yaml, "test.yaml"));
    }

    public static Resolution resolveResource(String name) {
        return resolveYaml(resource(name));
    }

    public static String resource(String name) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream("appspecs/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource appspecs/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A report endpoint that builds SQL from a query parameter: what the security scan must stop. */
    public static final String INJECTABLE_CONTROLLER_PATH = "api/src/report/report.controller.ts";
    public static final String INJECTABLE_CONTROLLER = """
            import { Controller, Get, Query } from '@nestjs/common';
            import { PrismaService } from '../db/prisma.service';

            @Controller('reports')
            export class ReportController {
              constructor(private readonly prisma: PrismaService) {}

              @Get()
              find(@Query('q') q: string) {
                return this.prisma.$queryRawUnsafe(`select * from jobs where title = '${ q }'`);
              }
            }
            """;

    /** The standard pipeline, except that synthesis plants {@link #INJECTABLE_CONTROLLER} into every repository. */
    public static GenerationPipeline pipelinePlantingAnInjectableController() {
        Synthesizer synthesizer = new Synthesizer();
        return new GenerationPipeline(Ontology.standard(), model -> {
            GeneratedRepository repo = synthesizer.synthesize(model);
            TreeMap<String, String> files = new TreeMap<>(repo.files());
            files.put(INJECTABLE_CONTROLLER_PATH, INJECTABLE_CONTROLLER);
            return new GeneratedRepository(repo.pack(), repo.revision(), files, repo.summary(), repo.gaps());
        }, new SecurityScanner());
    }

    /** A manifest around a spec body written with two-space indentation under "spec:". */
    public static String manifest(String specBody) {
        return "apiVersion: veroforge.io/v1alpha1\nkind: AppSpec\nmetadata:\n  name: test\nspec:\n" + specBody.stripIndent().indent(2);
    }
}
