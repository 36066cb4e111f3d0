package io.veroforge.generator.bench;

import io.veroforge.generator.model.Entity;
import io.veroforge.generator.model.Field;
import io.veroforge.generator.model.Relation;
import io.veroforge.generator.model.RelationKind;
import io.veroforge.generator.model.ResolvedModel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The JHipster JDL equivalent of a resolved model, for the side-by-side benchmark: the same
 * entities, fields (JDL types and validations) and relations, in a monolith with a React client
 * and PostgreSQL, with DTOs, a service layer and pagination (what the VeroForge pack generates too).
 */
final class JdlWriter {

    private JdlWriter() {
    }

    static String jdl(ResolvedModel model, String baseName) {
        StringBuilder out = new StringBuilder();
        out.append("""
                application {
                  config {
                    baseName %s
                    applicationType monolith
                    packageName com.example.%s
                    authenticationType jwt
                    databaseType sql
                    prodDatabaseType postgresql
                    devDatabaseType postgresql
                    clientFramework react
                    buildTool maven
                    cacheProvider no
                    enableHibernateCache false
                    enableTranslation false
                  }
                  entities *
                }

                """.formatted(baseName, baseName.toLowerCase(Locale.ROOT)));
        for (Entity e : model.entities()) {
            for (Field f : e.fields()) {
                if (f.type() == io.veroforge.generator.model.FieldType.ENUM) {
                    out.append("enum ").append(f.enumTypeName()).append(" { ")
                            .append(String.join(", ", f.values().stream().map(JdlWriter::enumConstant).toList())).append(" }\n");
                }
            }
        }
        out.append('\n');
        List<String> manyToOne = new ArrayList<>();
        List<String> manyToMany = new ArrayList<>();
        List<String> oneToOne = new ArrayList<>();
        for (Entity e : model.entities()) {
            out.append("entity ").append(e.name()).append(" {\n");
            for (Field f : e.fields()) {
                out.append("  ").append(f.name()).append(' ').append(type(f)).append(validations(f)).append('\n');
            }
            out.append("}\n\n");
            for (Relation r : e.relations()) {
                String line = "  " + e.name() + "{" + r.name() + (r.required() ? " required" : "") + "} to " + r.target() + "{" + r.inverseName() + "}";
                if (r.kind() == RelationKind.MANY_TO_ONE && r.owning()) {
                    manyToOne.add(line);
                } else if (r.kind() == RelationKind.ONE_TO_ONE && r.owning()) {
                    oneToOne.add(line);
                } else if (r.kind() == RelationKind.MANY_TO_MANY && e.name().compareTo(r.target()) <= 0) {
                    manyToMany.add(line);
                }
            }
        }
        relationships(out, "ManyToOne", manyToOne);
        relationships(out, "OneToOne", oneToOne);
        relationships(out, "ManyToMany", manyToMany);
        out.append("dto * with mapstruct\nservice * with serviceImpl\npaginate * with pagination\n");
        return out.toString();
    }

    private static void relationships(StringBuilder out, String kind, List<String> lines) {
        if (!lines.isEmpty()) {
            out.append("relationship ").append(kind).append(" {\n").append(String.join(",\n", lines)).append("\n}\n\n");
        }
    }

    private static String type(Field f) {
        return switch (f.type()) {
            case STRING, EMAIL, PHONE, URL, UUID, FILE -> "String";
            case TEXT, JSON -> "TextBlob";
            case INTEGER -> "Integer";
            case DECIMAL, MONEY -> "BigDecimal";
            case BOOLEAN -> "Boolean";
            case DATE -> "LocalDate";
            case DATETIME -> "Instant";
            case ENUM -> f.enumTypeName();
        };
    }

    private static String validations(Field f) {
        StringBuilder v = new StringBuilder();
        if (f.required()) {
            v.append(" required");
        }
        if (f.unique()) {
            v.append(" unique");
        }
        if (f.minLength() != null) {
            v.append(" minlength(").append(f.minLength()).append(')');
        }
        if (f.maxLength() != null && f.type() != io.veroforge.generator.model.FieldType.TEXT) {
            v.append(" maxlength(").append(f.maxLength()).append(')');
        }
        if (f.min() != null) {
            v.append(" min(").append(number(f.min())).append(')');
        }
        if (f.max() != null) {
            v.append(" max(").append(number(f.max())).append(')');
        }
        return v.toString();
    }

    private static String number(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /** {@code inProgress} → {@code IN_PROGRESS}. */
    private static String enumConstant(String value) {
        return value.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }
}
