package io.veroforge.generator.synthesize;

import static io.veroforge.generator.Fixtures.manifest;
import static io.veroforge.generator.Fixtures.resolveYaml;
import static org.assertj.core.api.Assertions.assertThat;

import io.veroforge.generator.resolve.Resolution;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Names that are no reserved words but shadow what the generated code itself uses (outsider-specs/reserved-globals.yaml):
 * an entity called Promise, Date, Object or Record.
 */
class EntityNamesThatShadowGlobalsTest {

    private static Map<String, String> files(String spec) {
        Resolution r = resolveYaml(manifest(spec));
        assertThat(r.errors()).isEmpty();
        return new Synthesizer().synthesize(r.model()).files();
    }

    @Test
    void anEntityNamedLikeAGlobalIsImportedUnderAnotherNameSoTheGlobalStaysUsable() {
        Map<String, String> files = files("""
                entities:
                  - name: Promise
                    fields: [{name: due, type: date}]
                  - name: Date
                    fields: [{name: day, type: date, required: true}]
                    relations: [{name: promises, kind: manyToMany, target: Promise}]
                """);
        String service = files.get("api/src/promise/promise.service.ts");
        assertThat(service).contains("import { Prisma, Promise as PromiseRow } from '../generated/prisma/client';")
                .contains("Promise<PromiseView[]>").doesNotContain("rows: Promise[]");
        assertThat(files.get("api/src/date/date.dto.ts")).contains("import type { Date as DateRow } from '../generated/prisma/client';")
                .contains("row: DateRow");
    }
}
