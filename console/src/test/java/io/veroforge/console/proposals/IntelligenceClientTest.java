package io.veroforge.console.proposals;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Without a URL or a token the client says which setting to give, and calls nothing. */
class IntelligenceClientTest {

    @Test
    void withoutAUrlItNamesTheSettings() {
        var answer = client(Optional.empty(), Optional.of("t")).proposals(null);
        assertThat(answer).isInstanceOf(EngineAnswer.NotConfigured.class);
        assertThat(answer.problem()).contains("veroforge.console.intelligence.url", "veroforge.console.intelligence.token");
        assertThat(answer.pageStatus()).isEqualTo(503);
    }

    @Test
    void withoutATokenItNamesTheTokenSetting() {
        var answer = client(Optional.of(URI.create("http://127.0.0.1:1")), Optional.of(" ")).proposal(1);
        assertThat(answer.problem()).startsWith("the intelligence engine needs a reviewer token: set veroforge.console.intelligence.token");
    }

    private static IntelligenceClient client(Optional<URI> url, Optional<String> token) {
        return new IntelligenceClient(new IntelligenceSettings() {
            @Override
            public Optional<URI> url() {
                return url;
            }

            @Override
            public Optional<String> token() {
                return token;
            }

            @Override
            public Duration timeout() {
                return Duration.ofSeconds(1);
            }
        }, new ObjectMapper());
    }
}
