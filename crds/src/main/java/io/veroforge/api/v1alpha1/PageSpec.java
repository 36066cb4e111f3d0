package io.veroforge.api.v1alpha1;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * A UI page beyond the list/detail/form pages every entity gets anyway: a dashboard, a calendar
 * of dated rows, a map of located rows, a kanban board over an enum field.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@ValidationRule(value = "self.kind == 'dashboard' || has(self.entity)",
        message = "spec.pages[].entity: every page kind except dashboard shows one entity; name it")
public class PageSpec {

    @Required
    @Size(min = 1, max = 63)
    @Pattern(NamePatterns.KEBAB_NAME)
    @JsonPropertyDescription("Lower-case name; also the URL path segment.")
    private String name;

    @Required
    @JsonPropertyDescription("list, detail, form, dashboard, calendar, map or kanban.")
    private PageKind kind;

    @Size(max = 63)
    @Pattern(NamePatterns.SPEC_ENTITY_NAME)
    @JsonPropertyDescription("The declared entity the page shows.")
    private String entity;

    @Size(max = 100)
    @JsonPropertyDescription("Title shown in the navigation.")
    private String title;

    @Size(max = 20)
    @JsonPropertyDescription("Roles that see the page in their navigation (default: every role with read access to entity).")
    private List<@Pattern(NamePatterns.KEBAB_NAME) @Size(max = 63) String> roles = new ArrayList<>();

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public PageKind getKind() {
        return kind;
    }

    public void setKind(PageKind kind) {
        this.kind = kind;
    }

    public String getEntity() {
        return entity;
    }

    public void setEntity(String entity) {
        this.entity = entity;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles == null ? new ArrayList<>() : roles;
    }
}
