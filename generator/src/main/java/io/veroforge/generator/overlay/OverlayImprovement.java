package io.veroforge.generator.overlay;

import java.util.Locale;

/**
 * One approved improvement as the overlay records it: an optional field for an ontology type, and
 * the proposal and evidence its commit message names.
 *
 * @param fieldName null = the name derived from the type ({@link #defaultFieldName}): the telemetry
 *                  never carries the name a customer chose, so the improvement cannot know it
 */
public record OverlayImprovement(long proposalId, String ontologyType, String fieldName, String fieldType, int evidenceTenants,
                                 long evidenceEvents, double confidence, String approvedBy) {

    public String field() {
        return fieldName == null || fieldName.isBlank() ? defaultFieldName(fieldType) : fieldName;
    }

    /** {@code date → extraDate}, {@code datetime → extraDatetime}: one per type, as patterns group by type. */
    public static String defaultFieldName(String fieldType) {
        String type = fieldType == null ? "" : fieldType.toLowerCase(Locale.ROOT);
        return "extra" + (type.isEmpty() ? "" : Character.toUpperCase(type.charAt(0)) + type.substring(1));
    }

    String commitMessage() {
        return String.format(Locale.ROOT, """
                Improvement proposal %d: add an optional %s field %s to %s

                Evidence: %d tenants, %d events, confidence %.2f
                Approved-By: %s
                %s %d
                """, proposalId, fieldType, field(), ontologyType, evidenceTenants, evidenceEvents, confidence, approvedBy,
                OverlayRepository.PROPOSAL_TRAILER, proposalId);
    }
}
