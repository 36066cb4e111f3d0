package io.veroforge.generator.cli;

import io.veroforge.generator.model.Action;
import io.veroforge.generator.model.Entity;
import io.veroforge.generator.resolve.OntologySuggestion;
import io.veroforge.generator.model.EntityCompliance;
import io.veroforge.generator.model.Field;
import io.veroforge.generator.model.FieldStorage;
import io.veroforge.generator.model.Gap;
import io.veroforge.generator.model.Keyword;
import io.veroforge.generator.model.Page;
import io.veroforge.generator.model.Permission;
import io.veroforge.generator.model.RegimeDecision;
import io.veroforge.generator.model.Relation;
import io.veroforge.generator.model.ResolvedModel;
import io.veroforge.generator.model.Role;
import io.veroforge.generator.model.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Renders a resolved model as text for people: every element with where it came from. */
final class ModelPrinter {

    private final StringBuilder out = new StringBuilder();

    String print(ResolvedModel m) {
        line(0, "app " + m.name() + (m.namespace() == null ? "" : " (namespace " + m.namespace() + ")")
                + ", vertical " + (m.vertical() == null ? "none" : m.vertical())
                + ", template pack " + m.templatePack().name() + (m.templatePack().revision() == null ? "" : "@" + m.templatePack().revision()));
        line(0, "");
        line(0, "compliance");
        for (RegimeDecision d : m.compliance().decisions()) {
            line(1, String.format("%-6s %-4s %s", d.regime().name(), d.applies() ? "yes" : "no", d.reason()));
        }
        m.compliance().requirements().forEach(r -> line(1, "- " + r));
        line(0, "");
        line(0, "entities (" + m.entities().size() + ")");
        for (Entity e : m.entities()) {
            line(1, e.name() + "  table " + e.names().table() + ", route /" + e.names().pluralKebab()
                    + (e.concept() == null ? "" : ", concept " + e.concept()) + "  <- " + e.origin());
            for (Field f : e.fields()) {
                List<String> facts = new ArrayList<>();
                facts.add(f.type().keyword() + (f.values().isEmpty() ? "" : f.values().toString()));
                if (f.required()) {
                    facts.add("required");
                }
                if (f.unique()) {
                    facts.add("unique");
                }
                if (f.min() != null || f.max() != null) {
                    facts.add("range " + (f.min() == null ? "" : f.min().toPlainString()) + ".." + (f.max() == null ? "" : f.max().toPlainString()));
                }
                if (f.minLength() != null || f.maxLength() != null) {
                    facts.add("length " + (f.minLength() == null ? "" : f.minLength()) + ".." + (f.maxLength() == null ? "" : f.maxLength()));
                }
                if (f.pattern() != null) {
                    facts.add("pattern " + f.pattern());
                }
                if (!f.markers().isEmpty()) {
                    facts.add(f.markers().stream().map(Keyword::keyword).collect(Collectors.joining(",")));
                }
                String storage = f.storage() == FieldStorage.PLAIN ? "" : "  [" + f.storage().name().toLowerCase() + ": " + f.storageReason() + "]";
                line(3, String.format("%-18s %s -> %s %s%s  <- %s", f.name(), String.join(" ", facts), f.column(), f.sqlType(), storage, f.origin()));
            }
            for (Relation r : e.relations()) {
                String key = r.owning() ? " (fk " + r.foreignKeyColumn() + ", on delete " + r.onDelete().sql().toLowerCase() + ")"
                        : r.joinTable() != null ? " (join table " + r.joinTable() + ")" : "";
                line(3, String.format("%-18s %s -> %s%s%s%s  <- %s", r.name(), r.kind().keyword(), r.target(),
                        r.required() ? " required" : "", r.cascade() ? " cascade" : "", key, r.origin()));
            }
            EntityCompliance c = e.compliance();
            List<String> rules = new ArrayList<>();
            if (c.auditReads() || c.auditWrites()) {
                rules.add("audit " + (c.auditReads() ? "reads+writes" : "writes"));
            }
            if (c.exportEndpoint()) {
                rules.add("export/erase endpoints");
            }
            if (c.retentionDays() != null) {
                rules.add("retention " + c.retentionDays() + " days");
            }
            if (e.ownerField() != null) {
                rules.add("owner column " + e.ownerField() + " (own-rows-only permissions)");
            }
            if (!rules.isEmpty()) {
                line(3, "= " + String.join(", ", rules));
            }
        }
        line(0, "");
        line(0, "roles (" + m.roles().size() + ")");
        for (Role role : m.roles()) {
            line(1, role.name() + "  <- " + role.origin());
            for (Permission p : role.permissions()) {
                line(3, p.entity() + ": " + p.actions().stream().map(Keyword::keyword).collect(Collectors.joining(", "))
                        + (p.ownRowsOnly() ? " (own rows only)" : ""));
            }
        }
        line(0, "");
        line(0, "workflows (" + m.workflows().size() + ")");
        for (Workflow w : m.workflows()) {
            String trigger = w.trigger().type().keyword() + (w.trigger().entity() == null ? "" : " " + w.trigger().entity())
                    + (w.trigger().field() == null ? "" : "." + w.trigger().field())
                    + (w.trigger().schedule() == null ? "" : " \"" + w.trigger().schedule() + "\"");
            line(1, w.name() + ": on " + trigger + "  <- " + w.origin());
            for (Action a : w.actions()) {
                line(3, "-> " + describe(a));
            }
        }
        line(0, "");
        line(0, "pages (" + m.pages().size() + ")");
        for (Page p : m.pages()) {
            line(1, p.name() + " " + p.kind().keyword() + (p.entity() == null ? "" : " of " + p.entity()) + "  <- " + p.origin());
        }
        line(0, "");
        line(0, "gaps (" + m.gaps().size() + ")" + (m.ai().enabled() ? ", AI gap filling on (max " + m.ai().maxGapsPerGeneration() + ")"
                : ", AI gap filling off"));
        for (Gap g : m.gaps()) {
            line(1, g.type().name().toLowerCase() + " at " + g.path() + ": " + g.description());
        }
        return out.toString();
    }

    /** The ontology's defaults left out of entities that declare their own fields, or nothing when there are none. */
    /** The requirement analyzer's summary; each element it added says its phrase and confidence in its own {@code <- requirements (...)}. */
    String printRequirements(io.veroforge.generator.requirements.RequirementProposal proposal) {
        StringBuilder before = new StringBuilder(out);
        out.setLength(0);
        if (!"none".equals(proposal.engine())) {
            line(0, "");
            line(0, "requirement analyzer: engine " + proposal.engine() + ", model " + proposal.model() + ", "
                    + proposal.entities().size() + " entit" + (proposal.entities().size() == 1 ? "y" : "ies") + " and "
                    + proposal.roles().size() + " role(s) proposed; explicit elements always win");
            if (proposal.vertical() != null) {
                line(1, proposal.vertical().describe());
            }
            proposal.notes().stream().filter(n -> proposal.vertical() == null || !n.equals(proposal.vertical().describe()))
                    .forEach(n -> line(1, n));
        }
        String text = out.toString();
        out.setLength(0);
        out.append(before);
        return text;
    }

    String printSuggestions(List<OntologySuggestion> suggestions) {
        StringBuilder before = new StringBuilder(out);
        out.setLength(0);
        if (!suggestions.isEmpty()) {
            line(0, "");
            line(0, "suggested by the ontology, not added (the entity declares its fields; ontologyDefaults: true adds them)");
            suggestions.forEach(s -> line(1, s.path() + " " + s));
        }
        String text = out.toString();
        out.setLength(0);
        out.append(before);
        return text;
    }

    private static String describe(Action a) {
        List<String> parts = new ArrayList<>();
        parts.add(a.type().keyword());
        addIf(parts, "to", a.to());
        addIf(parts, "template", a.template());
        addIf(parts, "url", a.url());
        addIf(parts, "entity", a.entity());
        addIf(parts, "field", a.field());
        addIf(parts, "value", a.value());
        addIf(parts, "message", a.message() == null ? null : "\"" + a.message() + "\"");
        return String.join(" ", parts);
    }

    private static void addIf(List<String> parts, String key, String value) {
        if (value != null) {
            parts.add(key + " " + value);
        }
    }

    private void line(int indent, String text) {
        out.append("  ".repeat(indent)).append(text).append('\n');
    }
}
