package com.ambiosys.platform.sweeps;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The application's own routes, read from Spring MVC's handler mappings at test time: a new endpoint
 * is in the sweeps the moment it is mapped. Only the application's handlers count (not springdoc's
 * or the error page the container dispatches to).
 */
final class RouteTable {

    private RouteTable() {
    }

    static List<Route> of(RequestMappingHandlerMapping mapping) {
        List<Route> routes = new ArrayList<>();
        mapping.getHandlerMethods().forEach((info, handler) -> {
            if (!handler.getBeanType().getName().startsWith("com.ambiosys.")
                    || org.springframework.boot.webmvc.error.ErrorController.class.isAssignableFrom(handler.getBeanType())) {
                return; // the container's error page answers error dispatches, whatever their method, not callers
            }
            List<String> produces = info.getProducesCondition().getProducibleMediaTypes().stream()
                .map(Object::toString).toList();
            for (String pattern : info.getPatternValues()) {
                for (RequestMethod method : methods(info)) {
                    routes.add(new Route(method.name(), pattern, handler, produces));
                }
            }
        });
        routes.sort(Comparator.comparing(Route::pattern).thenComparing(Route::method));
        return routes;
    }

    private static List<RequestMethod> methods(RequestMappingInfo info) {
        var declared = info.getMethodsCondition().getMethods();
        if (declared.isEmpty()) {
            throw new AssertionError("A route that answers every HTTP method: " + info);
        }
        return List.copyOf(declared);
    }
}
