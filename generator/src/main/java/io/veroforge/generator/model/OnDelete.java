package io.veroforge.generator.model;

/** What deleting the referenced row does to the row holding the foreign key (Prisma {@code onDelete}). */
public enum OnDelete {
    CASCADE("Cascade", "CASCADE"),
    RESTRICT("Restrict", "RESTRICT"),
    SET_NULL("SetNull", "SET NULL");

    private final String prisma;
    private final String sql;

    OnDelete(String prisma, String sql) {
        this.prisma = prisma;
        this.sql = sql;
    }

    public String prisma() {
        return prisma;
    }

    public String sql() {
        return sql;
    }
}
