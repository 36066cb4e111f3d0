package io.veroforge.api.v1alpha1;

/** The UI page layouts a template pack can render. */
public enum PageKind {
    list, detail, form, dashboard, calendar, map, kanban
}
