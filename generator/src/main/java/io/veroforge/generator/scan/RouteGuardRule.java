package io.veroforge.generator.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Every route is guarded: by a global guard ({@code provide: APP_GUARD} or
 * {@code app.useGlobalGuards(...)}), by {@code @UseGuards(...)} on its controller, or on the
 * method itself. A route marked {@code @Public()} is a deliberate opt-out and reported as LOW, so a
 * reviewer still sees every public route.
 */
final class RouteGuardRule implements ScanRule {

    static final String ID = "unguarded-route";
    private static final Pattern GLOBAL_GUARD = Pattern.compile("provide\\s*:\\s*APP_GUARD|\\.useGlobalGuards\\s*\\(\\s*[^)\\s]");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> check(GeneratedFiles files) {
        List<String> sources = files.paths(GeneratedFiles::isTypeScript);
        boolean globalGuard = sources.stream().anyMatch(p -> GLOBAL_GUARD.matcher(files.typeScript(p).code).find());
        List<Finding> findings = new ArrayList<>();
        for (String path : sources) {
            if (GeneratedFiles.isTestFile(path)) {
                continue;
            }
            TypeScriptSource source = files.typeScript(path);
            for (ControllerRoutes.Controller controller : ControllerRoutes.of(source)) {
                boolean classGuarded = ControllerRoutes.guarded(controller.decorators());
                boolean classPublic = controller.decorators().has("Public");
                for (ControllerRoutes.Route route : controller.routes()) {
                    String what = "@" + route.verb() + " " + controller.name() + "." + route.method();
                    if (route.decorators().has("Public") || classPublic) {
                        findings.add(new Finding(FindingSeverity.LOW, ID, path, route.line(), what + " is public (marked @Public())",
                                "make sure it exposes no tenant data"));
                    } else if (!(globalGuard || classGuarded || ControllerRoutes.guarded(route.decorators()))) {
                        findings.add(new Finding(FindingSeverity.CRITICAL, ID, path, route.line(), what
                                + " has no guard: anyone can call it without a tenant or a role",
                                "add @UseGuards(...) to the controller or the method, register a global APP_GUARD, "
                                        + "or mark a deliberately public route @Public()"));
                    }
                }
            }
        }
        return findings;
    }
}
