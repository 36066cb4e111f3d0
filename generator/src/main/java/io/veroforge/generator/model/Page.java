package io.veroforge.generator.model;

import java.util.List;

/**
 * A UI page.
 *
 * @param name   kebab-case; also the URL path segment ({@code dispatch-board})
 * @param entity the entity shown; null for a dashboard
 * @param title  the navigation title (explicit, or derived from the name)
 * @param roles  roles that see the page in their navigation; empty = every role that may read {@code entity}
 * @param field  the field the layout is built on: the enum field a kanban board groups by, the
 *               date/datetime field a calendar places rows by; null for other kinds
 */
public record Page(String name, String entity, PageKind kind, String title, List<String> roles, String field, Origin origin,
                   String path) {
    public Page {
        roles = List.copyOf(roles);
    }
}
