package io.veroforge.operator.app;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.veroforge.api.v1alpha1.CompressedJson;
import io.veroforge.api.v1alpha1.GenerationSpec;
import io.veroforge.api.v1alpha1.TemplatePackRef;
import io.veroforge.generator.model.ResolvedModel;

/**
 * The frozen input of a Generation: the resolved model as JSON (and compressed, as the Generation
 * keeps it) and its content hash, a sha256
 * over the canonical JSON (object keys sorted, no whitespace) of the model and the template pack
 * name and revision. The same model with the same pack always gives the same hash, in any JVM,
 * so comparing hashes tells whether a new Generation would generate different code.
 */
record ModelSnapshot(JsonNode model, TemplatePackRef templatePack, String contentHash, String compressed) {
    /**
     * The largest model a Generation records. Measured (docs/benchmarks.md): 300 entities run the
     * whole pipeline and compress to 55 kB; beyond this, the migration, the generated repository and
     * the run's time grow past what has been tried.
     */
    static final int MAX_ENTITIES = 500;
    /** The generator's own Jackson form of its model (as {@code veroforge explain -o json} prints it). */
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    static ModelSnapshot of(ResolvedModel model, TemplatePackRef pack) {
        JsonNode tree = JSON.valueToTree(model);
        Map<String, Object> hashed = new LinkedHashMap<>();
        // Through plain maps, so that ORDER_MAP_ENTRIES_BY_KEYS sorts every level.
        hashed.put("model", CANONICAL.convertValue(tree, Object.class));
        hashed.put("templatePack", Map.of("name", pack.getName(), "revision", pack.getRevision()));
        try {
            byte[] canonical = CANONICAL.writeValueAsString(hashed).getBytes(StandardCharsets.UTF_8);
            return new ModelSnapshot(tree, pack, "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical)),
                    CompressedJson.encode(tree));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash the resolved model", e);
        }
    }

    int entities() {
        return model.path("entities").size();
    }

    /** Why a Generation cannot record this model, naming the count and the limit; empty when it can. */
    Optional<String> tooLarge() {
        if (entities() > MAX_ENTITIES) {
            return Optional.of("the resolved model has " + entities() + " entities; the largest supported is " + MAX_ENTITIES
                    + " — split the app, or remove entities (see docs/generations.md, largest supported model)");
        }
        if (compressed.length() > GenerationSpec.MAX_COMPRESSED_MODEL) {
            return Optional.of("the resolved model compresses to " + compressed.length() + " bytes; the largest a Generation records is "
                    + GenerationSpec.MAX_COMPRESSED_MODEL + " — remove fields or entities (see docs/generations.md, largest supported model)");
        }
        return Optional.empty();
    }
}
