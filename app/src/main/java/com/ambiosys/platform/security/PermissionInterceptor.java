package com.ambiosys.platform.security;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Enforces {@link RequiresPermission} before argument binding and validation. Fails closed: an API
 * handler that declares no permission is refused. What each handler method requires is read from its
 * annotations once and kept.
 */
public class PermissionInterceptor implements HandlerInterceptor {

    /** What a handler requires: nothing (public), a permission, or it declares none (refused). */
    private record Requirement(boolean open, String permission) {
    }

    private final Map<Method, Requirement> requirements = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !request.getRequestURI().startsWith("/api/")) {
            return true;
        }
        Requirement required = requirements.computeIfAbsent(method.getMethod(), m -> requirement(method));
        if (required.open()) {
            return true;
        }
        if (required.permission() == null) {
            throw new AccessDeniedException("Endpoint declares no permission: " + method);
        }
        CurrentUser user = CurrentUsers.current()
            .orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Not signed in"));
        if (!RequiresPermission.AUTHENTICATED.equals(required.permission()) && !user.can(required.permission())) {
            throw new AccessDeniedException("Missing permission " + required.permission());
        }
        return true;
    }

    private static Requirement requirement(HandlerMethod method) {
        if (method.hasMethodAnnotation(PublicEndpoint.class)
                || method.getBeanType().isAnnotationPresent(PublicEndpoint.class)) {
            return new Requirement(true, null);
        }
        RequiresPermission required = method.getMethodAnnotation(RequiresPermission.class);
        return new Requirement(false, required == null ? null : required.value());
    }
}
