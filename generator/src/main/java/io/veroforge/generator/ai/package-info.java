/**
 * LLM gap filling: providers (OpenAI-compatible chat completions, Anthropic messages, Ollama chat)
 * through plain LangChain4j, the resilience around every call (timeout, retries with backoff,
 * {@code 429 Retry-After}, a circuit breaker, {@link io.veroforge.generator.ai.AiFailure} naming the
 * cause), and {@link io.veroforge.generator.ai.LlmGapFiller}, which accepts a fill only after a
 * {@link io.veroforge.generator.ai.FillValidator} passed it (security scanner, TypeScript type check,
 * ESLint with the app's own config, the gap's own tests).
 *
 * <p>May import: {@code dev.langchain4j}, Jackson, the JDK, and the generator's {@code model},
 * {@code gaps}, {@code node}, {@code scan} and {@code synthesize} packages. Nothing in the generator below this
 * package imports it; with no provider configured nothing here runs and gaps stay template-only.
 */
package io.veroforge.generator.ai;
