package io.veroforge.generator.input;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** YAML leaves absent lists null and may put nulls inside ({@code - }); the model wants neither. */
final class Lists {
    private Lists() {
    }

    static <T> List<T> orEmpty(List<T> list) {
        if (list == null) {
            return List.of();
        }
        // Collections.unmodifiableList keeps null entries (List.copyOf would throw): the validator reports them
        return Collections.unmodifiableList(new ArrayList<>(list));
    }
}
