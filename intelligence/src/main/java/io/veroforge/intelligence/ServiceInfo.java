package io.veroforge.intelligence;

import java.util.List;

/**
 * What this service is and how it is wired into Kafka.
 *
 * @param service  the application name
 * @param consumes topics read
 * @param produces topics written
 */
public record ServiceInfo(String service, List<String> consumes, List<String> produces) {
}
