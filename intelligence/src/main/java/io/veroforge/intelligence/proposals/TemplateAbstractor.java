package io.veroforge.intelligence.proposals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a pattern into a concrete proposal. Customer edits of the model become ontology changes
 * (many tenants adding an optional date to Appointment → an optional default date field on
 * Appointment); edits of generated files become a template review of that file (the telemetry
 * never carries the customer's code, so the patch itself is the maintainer's); failures, slow
 * stages and scan findings become remediations with the suggested fix for the reason seen.
 */
final class TemplateAbstractor {
    private TemplateAbstractor() {
    }

    static Draft propose(PatternFacts p) {
        return switch (p.kind()) {
            case "customer_edit" -> edit(p);
            case "customer_edit_cluster" -> similarEdits(p);
            case "failure" -> remediation(p, Remedies.forFailure(p.part("stage"), p.part("error")));
            case "slow_stage" -> remediation(p, "Stage " + p.part("stage") + " of " + p.part("templateId")
                    + " is slow for many tenants: profile it with the Generation benchmark and cache or parallelise its slowest step.");
            case "scan_findings" -> remediation(p, "The scanner flags code this template emits for many tenants: fix the template"
                    + " (not the rule) so generated code passes, then regenerate; `veroforge explain` lists the findings per file.");
            default -> throw new IllegalArgumentException("no proposal for pattern kind " + p.kind());
        };
    }

    private static Draft edit(PatternFacts p) {
        Map<String, Object> change = new LinkedHashMap<>();
        String edit = p.part("edit");
        if ("added_field".equals(edit) && !p.part("ontologyType").isEmpty() && !p.part("fieldType").isEmpty()) {
            boolean optional = !"false".equals(p.part("optional"));
            change.put("target", "ontology");
            change.put("ontologyType", p.part("ontologyType"));
            Map<String, Object> field = new LinkedHashMap<>();
            // the telemetry never carries the name a customer chose: one name per type, as patterns group by type
            field.put("name", defaultFieldName(p.part("fieldType")));
            field.put("type", p.part("fieldType"));
            field.put("required", !optional);
            change.put("addField", field);
            String kind = optional ? "ontology_optional_field" : "ontology_field";
            return new Draft(kind, "Add " + (optional ? "an optional" : "a required") + " " + p.part("fieldType") + " field to the ontology type "
                    + p.part("ontologyType") + " (" + p.tenants() + " tenants added one)", change);
        }
        change.put("target", "template");
        change.put("edit", edit);
        if (!p.part("file").isEmpty()) {
            change.put("file", p.part("file"));
        }
        if (!p.part("ontologyType").isEmpty()) {
            change.put("ontologyType", p.part("ontologyType"));
        }
        String where = p.part("file").isEmpty() ? "the " + p.part("ontologyType") + " templates" : p.part("file");
        return new Draft("template_review", "Review " + where + ": " + p.tenants() + " tenants made the same change (" + edit + ")", change);
    }

    /**
     * Similar edits: when only the optionality varies, the field itself is agreed and the safe form of it is optional;
     * when its type varies, which type the ontology should offer is a reviewer's call.
     */
    private static Draft similarEdits(PatternFacts p) {
        List<String> varies = List.of(p.part("varies").split(","));
        if ("added_field".equals(p.part("edit")) && !p.part("ontologyType").isEmpty() && !p.part("fieldType").isEmpty()
                && varies.equals(List.of("optional"))) {
            Map<String, String> optional = new LinkedHashMap<>(p.parts());
            optional.remove("varies");
            optional.put("optional", "true");
            return edit(new PatternFacts("customer_edit", optional, p.tenants(), p.events(), p.confidence(), p.description()));
        }
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("target", p.part("ontologyType").isEmpty() ? "template" : "ontology");
        change.put("edit", p.part("edit"));
        for (String shared : List.of("ontologyType", "fieldType", "file")) {
            if (!p.part(shared).isEmpty()) {
                change.put(shared, p.part(shared));
            }
        }
        change.put("varies", varies);
        String where = !p.part("ontologyType").isEmpty() ? "the ontology type " + p.part("ontologyType")
                : !p.part("file").isEmpty() ? p.part("file") : "the templates";
        return new Draft("ontology_review", "Review " + where + ": " + p.tenants() + " tenants made similar " + p.part("edit")
                + " edits (their " + String.join(" and ", varies) + " vary)", change);
    }

    /** {@code date → extraDate}: the generator's overlay derives the same name when a message has none. */
    static String defaultFieldName(String fieldType) {
        return "extra" + Character.toUpperCase(fieldType.charAt(0)) + fieldType.substring(1);
    }

    private static Draft remediation(PatternFacts p, String fix) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("target", "remediation");
        change.putAll(p.parts());
        change.put("suggestedFix", fix);
        return new Draft("remediation", "Fix: " + p.description(), change);
    }
}
