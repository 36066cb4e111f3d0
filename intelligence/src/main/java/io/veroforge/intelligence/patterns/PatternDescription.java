package io.veroforge.intelligence.patterns;

import java.util.Map;

/** What a pattern says in words an SRE or a template maintainer reads, from its structure only. */
final class PatternDescription {
    private PatternDescription() {
    }

    static String of(Observation o) {
        Map<String, String> p = o.parts();
        String what = switch (o.kind()) {
            case "customer_edit" -> edit(p);
            case SimilarEdits.KIND -> edit(p) + ", similar edits whose " + p.get("varies").replace(",", " and ") + " vary";
            case "failure" -> "stage " + p.getOrDefault("stage", "(run)") + " of " + p.get("templateId") + " failed with " + p.get("error");
            case "slow_stage" -> "stage " + p.get("stage") + " of " + p.get("templateId") + " was slow";
            case "scan_findings" -> "generations of " + p.get("templateId") + " had security findings";
            default -> o.signature();
        };
        return what + " (" + o.tenants() + " tenants, " + o.events() + " events)";
    }

    private static String edit(Map<String, String> p) {
        String entity = p.containsKey("ontologyType") ? "an entity of ontology type " + p.get("ontologyType") : "an entity";
        String field = p.containsKey("fieldType") ? " of type " + p.get("fieldType") : "";
        String optional = "true".equals(p.get("optional")) ? "an optional" : "false".equals(p.get("optional")) ? "a required" : "a";
        return switch (p.getOrDefault("edit", "")) {
            case "added_field" -> "customers added " + optional + " field" + field + " to " + entity;
            case "removed_field" -> "customers removed a field" + field + " from " + entity;
            case "changed_field_type" -> "customers changed a field of " + entity + " to type " + p.getOrDefault("fieldType", "?");
            case "added_file" -> "customers added a file beside " + p.getOrDefault("file", "the generated code");
            case "changed_template_file" -> "customers changed lines in template file " + p.getOrDefault("file", "?");
            case "deleted_template_file" -> "customers deleted template file " + p.getOrDefault("file", "?");
            default -> "customers made edit " + p;
        };
    }
}
