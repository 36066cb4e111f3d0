package io.veroforge.console.writes;

import java.util.Map;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;

/** Reads the YAML a user edited; anything but one object of the expected kind is refused with what was found. */
public final class YamlInput {
    private YamlInput() {
    }

    /** {@code apiVersion} and {@code kind} are those of {@code type}'s CRD, e.g. veroforge.io/v1alpha1 Tenant. */
    public static <T extends HasMetadata> T parse(String yaml, Class<T> type) {
        String apiVersion = HasMetadata.getApiVersion(type);
        String kind = HasMetadata.getKind(type);
        if (yaml == null || yaml.isBlank()) {
            throw new UnreadableYaml("the YAML is empty: paste a " + kind + " (apiVersion " + apiVersion + ", kind " + kind + ")");
        }
        T parsed;
        try {
            Map<?, ?> fields = Serialization.unmarshal(yaml, Map.class);
            if (fields == null || !kind.equals(fields.get("kind")) || !apiVersion.equals(fields.get("apiVersion"))) {
                throw new UnreadableYaml("apiVersion must be " + apiVersion + " and kind " + kind + ", found "
                        + (fields == null ? "nothing" : fields.get("apiVersion") + " " + fields.get("kind")));
            }
            parsed = Serialization.unmarshal(yaml, type);
        } catch (UnreadableYaml refused) {
            throw refused;
        } catch (RuntimeException unreadable) {
            throw new UnreadableYaml("not readable as a " + kind + ": " + rootMessage(unreadable));
        }
        if (parsed.getMetadata() == null || parsed.getMetadata().getName() == null) {
            throw new UnreadableYaml("metadata.name is required");
        }
        return parsed;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    /** The YAML is not one object of the expected kind; the message says what was found and what is expected. */
    public static final class UnreadableYaml extends IllegalArgumentException {
        public UnreadableYaml(String message) {
            super(message);
        }
    }
}
