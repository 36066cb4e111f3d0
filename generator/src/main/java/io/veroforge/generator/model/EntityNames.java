package io.veroforge.generator.model;

/**
 * Every spelling of an entity's name the templates need, computed once so that the database,
 * the API and the UI always agree ({@code WorkOrder}: table {@code work_orders}, route
 * {@code /work-orders}, variable {@code workOrder}, list {@code workOrders}).
 */
public record EntityNames(String pascal, String camel, String pluralPascal, String pluralCamel,
                          String kebab, String pluralKebab, String table) {

    public static EntityNames of(String name) {
        String plural = Inflector.pluralWords(name);
        return new EntityNames(
                Inflector.pascal(name),
                Inflector.camel(name),
                Inflector.pascal(plural),
                Inflector.camel(plural),
                Inflector.kebab(name),
                Inflector.kebab(plural),
                plural);
    }
}
