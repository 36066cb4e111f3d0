package io.veroforge.intelligence.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A batch of raw events split into what keeps the contract (ready to store) and what does not
 * (kept with the reason). Nothing in a batch is dropped without a trace.
 */
public record IncomingBatch(List<StoredEvent> accepted, List<EventStore.Rejected> rejected) {
    /** Payloads beyond this are kept cut, so one hostile message cannot fill the database. */
    static final int KEPT_PAYLOAD_CHARS = 16_384;
    private static final ObjectMapper JSON = new ObjectMapper();

    public static IncomingBatch of(List<String> payloads, EventContract contract) {
        List<StoredEvent> accepted = new ArrayList<>(payloads.size());
        List<EventStore.Rejected> rejected = new ArrayList<>();
        for (String payload : payloads) {
            Optional<String> problem;
            JsonNode event = null;
            try {
                event = payload == null ? null : JSON.readTree(payload);
                problem = event == null || !event.isObject() ? Optional.of("not a JSON object") : contract.violation(event);
            } catch (JsonProcessingException e) {
                problem = Optional.of("not JSON: " + e.getOriginalMessage());
            }
            if (problem.isPresent()) {
                rejected.add(new EventStore.Rejected(problem.get(), kept(payload)));
            } else {
                accepted.add(StoredEvent.of(event));
            }
        }
        return new IncomingBatch(accepted, rejected);
    }

    private static String kept(String payload) {
        if (payload == null) {
            return "";
        }
        return payload.length() <= KEPT_PAYLOAD_CHARS ? payload
                : payload.substring(0, KEPT_PAYLOAD_CHARS) + "… (" + payload.length() + " chars)";
    }
}
