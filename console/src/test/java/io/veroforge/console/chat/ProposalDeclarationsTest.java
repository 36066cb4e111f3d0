package io.veroforge.console.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.veroforge.api.v1alpha1.EntitySpec;
import io.veroforge.api.v1alpha1.FieldType;
import io.veroforge.api.v1alpha1.RelationKind;
import io.veroforge.console.Apps;

/** The previewed model written out as declarations: what the resolver proposed stays, what it derives is left to it. */
class ProposalDeclarationsTest {

    @Test
    void everyProposedEntityIsDeclaredWithItsFieldsAndOwnedRelationsButNotTheInverses() {
        var declared = ProposalDeclarations.of(Apps.resolvedModel());

        assertThat(declared).extracting(EntitySpec::getName).containsExactly("Customer", "Technician", "ServiceVisit", "Invoice");
        EntitySpec visit = declared.get(2);
        assertThat(visit.getFields()).extracting(f -> f.getName() + ": " + f.getType())
                .containsExactly("scheduledAt: DATETIME", "durationMinutes: INTEGER", "notes: TEXT");
        assertThat(visit.getFields().get(0).getRequired()).isTrue();
        // the owning sides only: the one-to-one to Invoice is Invoice's, and the resolver derives the inverses again
        assertThat(visit.getRelations()).extracting(r -> r.getName() + " " + r.getKind() + " " + r.getTarget())
                .containsExactly("customer manyToOne Customer", "technician manyToOne Technician");
        assertThat(declared.get(3).getRelations()).singleElement()
                .satisfies(r -> assertThat(r.getKind()).isEqualTo(RelationKind.oneToOne));
        assertThat(declared.get(0).getRelations()).isEmpty();
        assertThat(declared.get(0).getFields()).extracting(f -> f.getType()).containsExactly(FieldType.STRING, FieldType.EMAIL, FieldType.PHONE);
    }
}
