package io.veroforge.generator.input;

import java.util.List;

public record PageInput(String name, String kind, String entity, String title, List<String> roles) {
    public PageInput {
        roles = Lists.orEmpty(roles);
    }
}
