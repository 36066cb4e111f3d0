package io.veroforge.generator.scan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every write route ({@code @Post/@Put/@Patch}) that takes a body takes it as a DTO class whose
 * every property carries a class-validator decorator, and a {@code ValidationPipe} is in place
 * (global, or on the route) so those decorators run. {@code PartialType(X)}, {@code PickType(X, …)},
 * {@code OmitType(X, …)} and {@code extends X} inherit X's validation.
 */
final class DtoValidationRule implements ScanRule {

    static final String ID = "dto-validation";
    /** Decorators that only modify validation, not validate: alone they check nothing. */
    private static final Set<String> MODIFIERS = Set.of("IsOptional", "ApiProperty", "ApiPropertyOptional", "Expose", "Exclude", "Type",
            "Transform");
    private static final Pattern VALIDATOR = Pattern.compile("Is[A-Z][A-Za-z0-9]*|Min|Max|MinLength|MaxLength|Length|Matches|ValidateNested"
            + "|ArrayMinSize|ArrayMaxSize|ArrayNotEmpty|Allow|Equals|NotEquals|Contains|Validate|ValidateIf|NotContains");
    // an extends clause may hold a call with an options object, PartialType(X, { skipNullProperties: false }): braces inside parentheses are not the body
    private static final Pattern CLASS = Pattern.compile("\\bclass\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*(?:extends\\s+((?:[^{(]|\\([^)]*\\))+?))?\\s*(?:implements[^{]*)?\\{");
    private static final Pattern PROPERTY = Pattern.compile("(?m)^\\s*(?:readonly\\s+)?([A-Za-z_][A-Za-z0-9_]*)\\s*[?!]?\\s*:");
    private static final Pattern BODY_TYPE = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*\\s*[?!]?\\s*:\\s*([A-Za-z_][A-Za-z0-9_.]*)\\s*(\\[\\])?");
    private static final Pattern BASE = Pattern.compile("(?:PartialType|PickType|OmitType|IntersectionType)\\s*\\(\\s*([A-Za-z_][A-Za-z0-9_]*)|^([A-Za-z_][A-Za-z0-9_]*)$");
    private static final Pattern VALIDATION_PIPE = Pattern.compile("new\\s+ValidationPipe\\s*\\(|\\bValidationPipe\\b\\s*[,)]|provide\\s*:\\s*APP_PIPE");

    /** A DTO class: its unvalidated properties (name → line) and what it extends. */
    private record Dto(String name, String path, int line, Map<String, Integer> unvalidated, int validated, String base) {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> check(GeneratedFiles files) {
        Map<String, Dto> dtos = new HashMap<>();
        List<String> sources = files.paths(p -> GeneratedFiles.isTypeScript(p) && !GeneratedFiles.isTestFile(p));
        boolean pipe = false;
        for (String path : sources) {
            TypeScriptSource source = files.typeScript(path);
            pipe |= VALIDATION_PIPE.matcher(source.code).find();
            collectClasses(path, source, dtos);
        }
        List<Finding> findings = new ArrayList<>();
        java.util.Set<String> checkedDtos = new java.util.HashSet<>(); // a DTO used by several routes is reported once
        boolean anyBody = false;
        for (String path : sources) {
            TypeScriptSource source = files.typeScript(path);
            for (ControllerRoutes.Controller controller : ControllerRoutes.of(source)) {
                for (ControllerRoutes.Route route : controller.routes()) {
                    if (!ControllerRoutes.WRITE_DECORATORS.contains(route.verb()) || route.bodyParameter() == null) {
                        continue;
                    }
                    anyBody = true;
                    String what = "@" + route.verb() + " " + controller.name() + "." + route.method();
                    int line = source.lineOf(route.bodyParameter().decorators().get(0).start());
                    TypeScriptSource.Decorator body = route.bodyParameter().first("Body");
                    if (body != null && !body.args().isBlank() && !body.args().contains("ValidationPipe")) {
                        // @Body('field') reads one property: validated only by a pipe on it
                        findings.add(new Finding(FindingSeverity.HIGH, ID, path, line, what + " reads one body property without validation",
                                "take the whole body as a DTO class with class-validator decorators"));
                        continue;
                    }
                    Matcher type = BODY_TYPE.matcher(route.bodyParameter().declaration());
                    String typeName = type.find() ? type.group(1) : null;
                    Dto dto = typeName == null ? null : dtos.get(typeName);
                    if (dto == null) {
                        findings.add(new Finding(FindingSeverity.HIGH, ID, path, line, what + " takes its body as "
                                        + (typeName == null ? "an untyped value" : typeName + ", which is not a DTO class of the app"),
                                "declare a DTO class with class-validator decorators and use it as the @Body() type"));
                        continue;
                    }
                    checkDto(dto, dtos, what, findings, checkedDtos);
                }
            }
        }
        if (anyBody && !pipe) {
            String main = files.paths(p -> p.endsWith("/main.ts") || p.equals("main.ts")).stream().findFirst().orElse("api/src/main.ts");
            findings.add(new Finding(FindingSeverity.HIGH, ID, main, 0, "no ValidationPipe is installed, so DTO decorators are never checked",
                    "add app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true })) in main.ts"));
        }
        return findings;
    }

    private static void checkDto(Dto dto, Map<String, Dto> dtos, String route, List<Finding> findings, java.util.Set<String> seen) {
        if (!seen.add(dto.name())) {
            return;
        }
        dto.unvalidated().forEach((property, line) -> findings.add(new Finding(FindingSeverity.HIGH, ID, dto.path(), line,
                "property " + dto.name() + "." + property + " (body of " + route + ") has no class-validator decorator",
                "add a validator such as @IsString(), @IsInt(), @IsEmail() or @IsEnum(...) (with @IsOptional() for optional ones)")));
        if (dto.base() != null && dtos.containsKey(dto.base())) {
            checkDto(dtos.get(dto.base()), dtos, route, findings, seen);
        } else if (dto.validated() == 0 && dto.unvalidated().isEmpty()) {
            findings.add(new Finding(FindingSeverity.HIGH, ID, dto.path(), dto.line(), "DTO " + dto.name() + " (body of " + route
                    + ") declares no validated properties", "declare its properties with class-validator decorators"));
        }
    }

    private static void collectClasses(String path, TypeScriptSource source, Map<String, Dto> dtos) {
        List<TypeScriptSource.DecoratorGroup> groups = source.decoratorGroups();
        Matcher m = CLASS.matcher(source.skeleton);
        while (m.find()) {
            int open = m.end() - 1;
            int close = source.matching(open);
            String base = null;
            if (m.group(2) != null) {
                Matcher b = BASE.matcher(source.code.substring(m.start(2), m.end(2)).strip());
                if (b.find()) {
                    base = b.group(1) != null ? b.group(1) : b.group(2);
                }
            }
            Map<String, Integer> unvalidated = new java.util.LinkedHashMap<>();
            int validated = 0;
            // property declarations at the class body's top level (depth 1)
            String body = source.skeleton.substring(open + 1, Math.max(open + 1, close - 1));
            Matcher p = PROPERTY.matcher(body);
            while (p.find()) {
                int at = open + 1 + p.start(1);
                if (depth(source.skeleton, open, at) != 1) {
                    continue;
                }
                TypeScriptSource.DecoratorGroup group = groups.stream().filter(g -> g.declarationStart() == at).findFirst().orElse(null);
                boolean ok = group != null && group.decorators().stream()
                        .anyMatch(d -> !MODIFIERS.contains(d.name()) && VALIDATOR.matcher(d.name()).matches());
                if (ok) {
                    validated++;
                } else {
                    unvalidated.put(p.group(1), source.lineOf(at));
                }
            }
            dtos.put(m.group(1), new Dto(m.group(1), path, source.lineOf(m.start()), unvalidated, validated, base));
        }
    }

    private static int depth(String skeleton, int open, int at) {
        int depth = 0;
        for (int i = open; i < at; i++) {
            char c = skeleton.charAt(i);
            if (c == '{' || c == '(') {
                depth++;
            } else if (c == '}' || c == ')') {
                depth--;
            }
        }
        return depth;
    }
}
