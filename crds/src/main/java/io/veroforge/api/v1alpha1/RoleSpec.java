package io.veroforge.api.v1alpha1;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A role of the generated app's users and what it may do. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class RoleSpec {

    @Required
    @Size(min = 1, max = 63)
    @Pattern(NamePatterns.KEBAB_NAME)
    @JsonPropertyDescription("Lower-case name, e.g. dispatcher or field-technician.")
    private String name;

    @Size(max = 500)
    @JsonPropertyDescription("Who has this role.")
    private String description;

    @Size(max = 50)
    @JsonPropertyDescription("Grants per entity; anything not granted is denied.")
    private List<PermissionSpec> permissions = new ArrayList<>();

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public List<PermissionSpec> getPermissions() {
        return permissions;
    }

    public void setPermissions(List<PermissionSpec> permissions) {
        this.permissions = permissions == null ? new ArrayList<>() : permissions;
    }
}
