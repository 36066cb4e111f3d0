package io.veroforge.generator.ontology;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the ontology YAML from the classpath. A mistake in that data is a bug of the generator,
 * so it fails loudly (unknown keys included) instead of quietly producing a thinner model.
 */
public final class OntologyLoader {

    static final String ROOT = "ontology/";

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private record Index(List<String> verticals) {
    }

    private record UniversalFile(List<UniversalEntity> entities) {
    }

    public Ontology loadBundled() {
        Index index = read(ROOT + "index.yaml", Index.class);
        List<VerticalMap> verticals = new ArrayList<>();
        for (String id : index.verticals()) {
            VerticalMap map = read(ROOT + "verticals/" + id + ".yaml", VerticalMap.class);
            if (!id.equals(map.id())) {
                throw new IllegalStateException("ontology/verticals/" + id + ".yaml declares id " + map.id());
            }
            verticals.add(map);
        }
        return new Ontology(read(ROOT + "universal.yaml", UniversalFile.class).entities(), verticals);
    }

    private <T> T read(String resource, Class<T> type) {
        try (InputStream in = OntologyLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing ontology resource " + resource);
            }
            return yaml.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ontology resource " + resource + ": " + e.getMessage(), e);
        }
    }
}
