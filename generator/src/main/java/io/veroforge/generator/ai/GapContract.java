package io.veroforge.generator.ai;

import io.veroforge.generator.gaps.GapContext;
import io.veroforge.generator.model.Gap;
import io.veroforge.generator.model.GapType;
import io.veroforge.generator.synthesize.AppView;
import io.veroforge.generator.synthesize.GeneratedRepository;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The prompt for one gap: its contract. The method signature and context type, the entity types
 * (the generated Prisma models, which is what {@code ctx.tx} serves), the rule text, the rules of
 * the sandbox, and the tests the pack generates for the gap, which the answer must pass.
 */
final class GapContract {

    static final String SYSTEM = """
            You implement one gap of a generated NestJS + Prisma 7 API in TypeScript (strict mode).
            You write only the statements of one method body. Answer with one JSON object:
            {"imports": ["import { X } from '@nestjs/common';", ...], "body": "<statements>", "confidence": <0..1>}.
            Rules: ctx.row is `unknown` and may be null: narrow it before use. Reject a write that breaks the rule by throwing an
            HttpException subclass from '@nestjs/common' (e.g. UnprocessableEntityException). Use only Prisma's typed API on ctx.tx
            (it is already scoped to the tenant by row-level security); never build SQL from strings, never use $queryRawUnsafe or
            $executeRawUnsafe. No other imports, no network, no file system, no process, no eval, no secrets.
            The app's ESLint allows no warning: run() is async, so it must await something (require-await); no unused values,
            no console, no `void x`.""";

    private static final Pattern MODEL = Pattern.compile("(?ms)^(model|enum) \\w+ \\{.*?^\\}");

    private GapContract() {
    }

    /** @param withStubFilled the repository with this gap marked filled, so its tests are the ones the answer must pass */
    static String of(Gap gap, GapContext context, GeneratedRepository withStubFilled) {
        String handler = withStubFilled.files().getOrDefault(context.targetFile(), "");
        Matcher cls = Pattern.compile("export class (\\w+) implements GapHandler").matcher(handler);
        String className = cls.find() ? cls.group(1) : "GapHandler";
        StringBuilder models = new StringBuilder();
        Matcher m = MODEL.matcher(withStubFilled.files().getOrDefault("api/prisma/schema.prisma", ""));
        while (m.find()) {
            models.append(m.group()).append("\n\n");
        }
        String tests = withStubFilled.files().getOrDefault(AppView.testPathOf(gap.id()), "");
        return "Gap " + gap.id() + " (" + (gap.type() == GapType.BUSINESS_RULE ? "business rule" : "custom workflow action")
                + "), asked for at AppSpec " + gap.path() + ":\n" + gap.description().strip() + "\n\n"
                + "Write the body of run() in " + context.targetFile() + ":\n\n"
                + "import type { GapContext, GapHandler } from './gaps';\n"
                + "export class " + className + " implements GapHandler {\n"
                + "  async run(ctx: GapContext): Promise<void> {\n    // your statements\n  }\n}\n\n"
                + "// from ./gaps.ts and ../db/tenant-db.ts\n"
                + "export type Tx = Prisma.TransactionClient;\n"
                + "export interface GapContext { tx: Tx; row: unknown; workflow?: string }\n\n"
                + "Entity types: the Prisma models (ctx.tx.<model name in camelCase> is the delegate):\n\n"
                + models.toString().strip() + "\n\n"
                + "The gap's own tests, which your body must pass (" + AppView.testPathOf(gap.id()) + "):\n\n" + tests.strip() + "\n";
    }

    static String feedback(int attempt, FillValidator.Verdict verdict) {
        return "Your answer " + attempt + " was refused by the " + verdict.stage() + ":\n- " + String.join("\n- ", verdict.problems())
                + "\nFix these problems and answer again with the whole JSON object.";
    }
}
