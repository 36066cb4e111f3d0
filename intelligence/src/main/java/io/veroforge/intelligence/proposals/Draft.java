package io.veroforge.intelligence.proposals;

import java.util.Map;

/**
 * A proposal before governance: what kind of change, a summary a reviewer reads, and the change
 * itself as the improvements overlay would hold it.
 *
 * @param kind ontology_optional_field, ontology_field, ontology_review, template_review or remediation
 */
record Draft(String kind, String summary, Map<String, Object> change) {
}
