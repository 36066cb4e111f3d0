package io.veroforge.generator.synthesize;

import static io.veroforge.generator.Fixtures.manifest;
import static io.veroforge.generator.Fixtures.resolveYaml;
import static org.assertj.core.api.Assertions.assertThat;

import io.veroforge.generator.resolve.Resolution;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Names that are no reserved words but shadow what the generated code itself uses (outsider-specs/reserved-globals.yaml):
 * an entity called Promise, Date, Object or Record, and fields named like the list endpoint's own query parameters.
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
                .contains("Promise<PromiseView[]>").contains("row: PromiseRow").doesNotContain("rows: Promise[]")
                .doesNotContainPattern("row: Promise[,)]");
        // every entity's files name its model type only through the alias
        assertThat(files.get("api/src/date/date.service.ts")).doesNotContainPattern("(row|rows): Date\\b").contains("row: DateRow");
        assertThat(files.get("api/src/date/date.dto.ts")).contains("import type { Date as DateRow } from '../generated/prisma/client';")
                .contains("row: DateRow");
    }

    @Test
    void aFieldNamedLikeAListQueryParameterIsNoFilterThatWouldHijackIt() {
        Map<String, String> files = files("""
                entities:
                  - name: Session
                    fields:
                      - {name: sort, type: string}
                      - {name: q, type: string}
                      - {name: after, type: string}
                      - {name: status, type: enum, values: [active, expired]}
                """);
        String dto = files.get("api/src/session/session.dto.ts");
        String query = dto.substring(dto.indexOf("export class ListSessionsQuery"));
        query = query.substring(0, query.indexOf("\n}\n"));
        assertThat(query).contains("status?:").doesNotContain("sort?:").doesNotContain(" q?:").doesNotContain("after?:");
        String service = files.get("api/src/session/session.service.ts");
        assertThat(service).contains("where.status = query.status").doesNotContain("where.sort").doesNotContain("where.q ")
                .doesNotContain("where.after");
    }
}
