package io.veroforge.generator.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The NestJS controllers of a TypeScript file and their routes (methods with a route decorator). */
final class ControllerRoutes {

    static final Set<String> ROUTE_DECORATORS = Set.of("Get", "Post", "Put", "Patch", "Delete", "All", "Options", "Head");
    static final Set<String> WRITE_DECORATORS = Set.of("Post", "Put", "Patch");
    private static final Pattern CLASS_NAME = Pattern.compile("\\bclass\\s+([A-Za-z_][A-Za-z0-9_]*)");

    record Controller(String name, TypeScriptSource.DecoratorGroup decorators, int line, List<Route> routes) {
    }

    /** @param bodyParameter the {@code @Body()} parameter's group, or null */
    record Route(String method, String verb, TypeScriptSource.DecoratorGroup decorators, int line,
                 TypeScriptSource.DecoratorGroup bodyParameter) {
    }

    private ControllerRoutes() {
    }

    static List<Controller> of(TypeScriptSource source) {
        List<TypeScriptSource.DecoratorGroup> groups = source.decoratorGroups();
        List<Controller> controllers = new ArrayList<>();
        for (TypeScriptSource.DecoratorGroup group : groups) {
            Matcher className = CLASS_NAME.matcher(group.declaration());
            if (!group.has("Controller") || !className.find()) {
                continue;
            }
            int open = source.skeleton.indexOf('{', group.declarationStart());
            if (open < 0) {
                continue;
            }
            int close = source.matching(open);
            List<Route> routes = new ArrayList<>();
            for (TypeScriptSource.DecoratorGroup member : groups) {
                int at = member.decorators().get(0).start();
                if (at <= open || at >= close) {
                    continue;
                }
                TypeScriptSource.Decorator verb = member.decorators().stream().filter(d -> ROUTE_DECORATORS.contains(d.name())).findFirst().orElse(null);
                if (verb == null) {
                    continue;
                }
                int paramsOpen = source.skeleton.indexOf('(', member.declarationStart());
                int paramsClose = paramsOpen < 0 ? paramsOpen : source.matching(paramsOpen);
                TypeScriptSource.DecoratorGroup body = groups.stream().filter(g -> g.has("Body")
                        && g.decorators().get(0).start() > paramsOpen && g.decorators().get(0).start() < paramsClose).findFirst().orElse(null);
                String method = member.declaration().replaceFirst("^(public|private|protected|async|static|\\s)+", "").strip();
                routes.add(new Route(method, verb.name(), member, source.lineOf(verb.start()), body));
            }
            controllers.add(new Controller(className.group(1), group, source.lineOf(group.decorators().get(0).start()), routes));
        }
        return controllers;
    }

    /** {@code @UseGuards(AuthGuard)}: a guard decorator with at least one guard in it. */
    static boolean guarded(TypeScriptSource.DecoratorGroup group) {
        return group.decorators().stream().anyMatch(d -> d.name().equals("UseGuards") && !d.args().isBlank());
    }
}
