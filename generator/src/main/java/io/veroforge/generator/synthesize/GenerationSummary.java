package io.veroforge.generator.synthesize;

/**
 * What a synthesis produced, for the CLI and the Generation status.
 *
 * @param endpoints   HTTP endpoints of the generated API (CRUD, GDPR export/erase, health)
 * @param uiViews     UI views (list, detail, create, edit per entity, plus the dashboard)
 * @param gapsFilled  gap handlers with a real body (from the gap filler)
 * @param gapsUnfilled gap handlers left as template-only stubs that throw when run
 */
public record GenerationSummary(int files, int entities, int endpoints, int uiViews, int workflows, int gapsFilled, int gapsUnfilled) {
}
