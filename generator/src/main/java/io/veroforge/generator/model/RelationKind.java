package io.veroforge.generator.model;

public enum RelationKind implements Keyword {
    ONE_TO_ONE("oneToOne"),
    ONE_TO_MANY("oneToMany"),
    MANY_TO_ONE("manyToOne"),
    MANY_TO_MANY("manyToMany");

    private final String keyword;

    RelationKind(String keyword) {
        this.keyword = keyword;
    }

    @Override
    public String keyword() {
        return keyword;
    }

    /** The kind seen from the other side. */
    public RelationKind inverse() {
        return switch (this) {
            case ONE_TO_ONE -> ONE_TO_ONE;
            case ONE_TO_MANY -> MANY_TO_ONE;
            case MANY_TO_ONE -> ONE_TO_MANY;
            case MANY_TO_MANY -> MANY_TO_MANY;
        };
    }

    /** Whether this side holds many rows of the target (a list in Prisma and TypeScript). */
    public boolean toMany() {
        return this == ONE_TO_MANY || this == MANY_TO_MANY;
    }
}
