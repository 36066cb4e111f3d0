// VeroForge gap {gap.id} ({gap.kind}, AppSpec {gap.path}):
//   {gap.description}
{#if gap.filled}
// Implemented by {gap.body.source}. Review it like any other code.
{#if gap.provenance}
// AI provenance: {gap.provenance}
// Accepted only after the security scanner, the API type check, the app's ESLint rules and test/gaps/{gap.id}.e2e-spec.ts passed.
{/if}
{#else}
// NOT IMPLEMENTED: template-only output. This handler throws when it runs; implement run() below
// (or enable AI gap filling in the AppSpec and regenerate).
{/if}
{#for i in gap.imports}
{i}
{/for}
import type { GapContext, GapHandler } from './gaps';

export class {gap.className} implements GapHandler {
  readonly id = '{gap.id}';
  readonly description = {gap.descriptionLiteral};
  readonly filled = {gap.filled};
  readonly source = {gap.sourceLiteral};
  readonly entities: readonly string[] = {gap.entitiesLiteral};

  {#if gap.asyncRun}async {/if}run({#if gap.usesContext}ctx{#else}_ctx{/if}: GapContext): Promise<void> {
{gap.bodyCode}
  }
}
