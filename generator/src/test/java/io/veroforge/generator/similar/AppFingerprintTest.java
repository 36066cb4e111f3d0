package io.veroforge.generator.similar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.veroforge.generator.Fixtures;
import io.veroforge.generator.model.ResolvedModel;

class AppFingerprintTest {

    @Test
    void theTextNamesRequirementsVerticalEntitiesFieldsAndRelationsInWordsButNotTheAppsName() {
        ResolvedModel model = Fixtures.resolveYaml("""
                apiVersion: veroforge.io/v1alpha1
                kind: AppSpec
                metadata: {name: zzz-unique-app, namespace: tenant-a}
                spec:
                  requirements: Crews move furniture for customers.
                  entities:
                    - name: MovingJob
                      fields: [{name: pickupAddress, type: string}, {name: moving_date, type: date}]
                      relations: [{name: customer, kind: manyToOne, target: Customer}]
                    - name: Customer
                      fields: [{name: fullName, type: string}]
                """).model();

        String text = AppFingerprint.text(model);

        assertThat(text).startsWith("Crews move furniture for customers. ")
                .contains("moving job (pickup address, moving date) with customer").contains("customer (full name)")
                .doesNotContain("zzz").doesNotContain("tenant_id");
        assertThat(AppFingerprint.text(model)).isEqualTo(text);
    }

    @Test
    void aHugeModelIsCutToWhatTheModelReads() {
        StringBuilder yaml = new StringBuilder("apiVersion: veroforge.io/v1alpha1\nkind: AppSpec\nmetadata: {name: big, namespace: t}\nspec:\n  entities:\n");
        for (int i = 0; i < 200; i++) {
            yaml.append("    - name: Thing").append((char) ('A' + i % 26)).append((char) ('A' + i / 26)).append("\n      fields: [{name: description, type: string}]\n");
        }
        assertThat(AppFingerprint.text(Fixtures.resolveYaml(yaml.toString()).model())).hasSize(AppFingerprint.MAX_CHARS);
    }
}
