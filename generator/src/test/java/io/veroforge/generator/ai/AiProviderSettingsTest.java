package io.veroforge.generator.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AiProviderSettingsTest {

    @Test
    void noProviderMeansNoModel() {
        assertThat(AiProviderSettings.fromEnvironment(Map.of())).isEmpty();
        assertThat(AiProviderSettings.fromEnvironment(Map.of("VEROFORGE_AI_PROVIDER", " "))).isEmpty();
    }

    @Test
    void readsTheKeyFromAMountedSecretAndNeverPrintsIt(@TempDir Path dir) throws Exception {
        Path key = Files.writeString(dir.resolve("api-key"), "sk-ant-secret\n");
        AiProviderSettings s = AiProviderSettings.fromEnvironment(Map.of("VEROFORGE_AI_PROVIDER", "Anthropic", "VEROFORGE_AI_MODEL",
                "claude-sonnet-4-5", "VEROFORGE_AI_API_KEY_FILE", key.toString(), "VEROFORGE_AI_TIMEOUT_SECONDS", "20")).orElseThrow();

        assertThat(s.kind()).isEqualTo(AiProviderKind.ANTHROPIC);
        assertThat(s.apiKey()).isEqualTo("sk-ant-secret");
        assertThat(s.baseUrl()).isEqualTo("https://api.anthropic.com/v1/");
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(s.toString()).doesNotContain("sk-ant-secret").contains("key set");
    }

    @Test
    void aKeylessOpenAiCompatibleGatewayIsFine() {
        AiProviderSettings s = AiProviderSettings.fromEnvironment(Map.of("VEROFORGE_AI_PROVIDER", "openai", "VEROFORGE_AI_MODEL", "qwen2.5-coder",
                "VEROFORGE_AI_BASE_URL", "http://vllm.ai.svc:8000/v1")).orElseThrow();
        assertThat(s.apiKey()).isNull();
        assertThat(s.describe()).isEqualTo("openai qwen2.5-coder at http://vllm.ai.svc:8000/v1");
    }

    @Test
    void badSettingsNameTheVariableAndTheFix() {
        assertThatThrownBy(() -> AiProviderSettings.fromEnvironment(Map.of("VEROFORGE_AI_PROVIDER", "gemini", "VEROFORGE_AI_MODEL", "m")))
                .hasMessage("VEROFORGE_AI_PROVIDER: unknown provider 'gemini'; use one of openai, anthropic, ollama");
        assertThatThrownBy(() -> AiProviderSettings.fromEnvironment(Map.of("VEROFORGE_AI_PROVIDER", "ollama")))
                .hasMessageStartingWith("VEROFORGE_AI_MODEL: no model name");
        assertThatThrownBy(() -> AiProviderSettings.fromEnvironment(Map.of("VEROFORGE_AI_PROVIDER", "openai", "VEROFORGE_AI_MODEL", "gpt-4o-mini")))
                .hasMessageContaining("VEROFORGE_AI_API_KEY: openai at https://api.openai.com/v1 needs an API key");
        assertThatThrownBy(() -> AiProviderSettings.fromEnvironment(Map.of("VEROFORGE_AI_PROVIDER", "ollama", "VEROFORGE_AI_MODEL", "m",
                "VEROFORGE_AI_BASE_URL", "ollama:11434")))
                .hasMessageContaining("VEROFORGE_AI_BASE_URL: 'ollama:11434' must start with http:// or https://");
        assertThatThrownBy(() -> AiProviderSettings.fromEnvironment(Map.of("VEROFORGE_AI_PROVIDER", "ollama", "VEROFORGE_AI_MODEL", "m",
                "VEROFORGE_AI_TIMEOUT_SECONDS", "soon")))
                .hasMessage("VEROFORGE_AI_TIMEOUT_SECONDS: must be a positive whole number, was 'soon'");
    }

    @Test
    void retryAfterIsSecondsOrAnHttpDate() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-03T06:00:00Z"), ZoneOffset.UTC);
        assertThat(ProviderHttpClient.parseRetryAfter("7", clock)).contains(Duration.ofSeconds(7));
        assertThat(ProviderHttpClient.parseRetryAfter("Thu, 03 Dec 2026 06:00:30 GMT", clock)).contains(Duration.ofSeconds(30));
        assertThat(ProviderHttpClient.parseRetryAfter("Thu, 03 Dec 2026 05:00:00 GMT", clock)).contains(Duration.ZERO);
        assertThat(ProviderHttpClient.parseRetryAfter("soon", clock)).isEmpty();
    }
}
