package io.veroforge.console.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.veroforge.api.v1alpha1.AppSpec;

/**
 * The conversation of a requirement chat, kept as JSON in the AppSpec's annotation {@value #ANNOTATION}: on the object
 * it describes, so a refresh, another browser or another console replica reads the same, and deleting the app deletes
 * it. An annotation rather than a ConfigMap: the person already may write the AppSpec (no second RBAC rule), and an
 * annotation change does not bump {@code metadata.generation}, so the reconciler does not resolve again for it.
 */
public record Transcript(List<Turn> turns) {
    public static final String ANNOTATION = "veroforge.io/chat-transcript";
    /** Annotations share 256 KiB per object; the conversation keeps well below, and says so when it would not. */
    static final int MAX_CHARACTERS = 100_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * {@code speaker}: "you" (what the person wrote, {@code by} is who) or "console" (what the console answered from the
     * preview); {@code kind}: message, field (an edit of a field) or create.
     */
    public record Turn(String speaker, String by, String kind, String text, String at) {
        public boolean fromPerson() {
            return "you".equals(speaker);
        }
    }

    /** The transcript of {@code app}; an annotation that is not one (edited by hand) reads as a note saying so. */
    public static Transcript of(AppSpec app) {
        Map<String, String> annotations = app.getMetadata().getAnnotations();
        String json = annotations == null ? null : annotations.get(ANNOTATION);
        if (json == null || json.isBlank()) {
            return new Transcript(List.of());
        }
        try {
            return new Transcript(List.copyOf(JSON.readValue(json, new TypeReference<List<Turn>>() {
            })));
        } catch (JsonProcessingException unreadable) {
            return new Transcript(List.of(new Turn("console", "", "note", "The earlier conversation (annotation " + ANNOTATION
                    + ") cannot be read; it starts again here.", "")));
        }
    }

    public Transcript with(Turn turn) {
        List<Turn> more = new ArrayList<>(turns);
        more.add(turn);
        return new Transcript(List.copyOf(more));
    }

    public String json() {
        try {
            return JSON.writeValueAsString(turns);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a transcript of strings is always JSON", e);
        }
    }

    public boolean tooLong() {
        return json().length() > MAX_CHARACTERS;
    }

    /** The newest turn of the person, whose answer the page shows live from the preview. */
    public boolean endsWithPerson() {
        return !turns.isEmpty() && turns.get(turns.size() - 1).fromPerson();
    }
}
