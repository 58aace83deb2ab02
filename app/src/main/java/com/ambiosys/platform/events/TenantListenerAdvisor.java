package com.ambiosys.platform.events;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.core.Ordered;
import org.springframework.modulith.events.ApplicationModuleListener;

import com.ambiosys.platform.tenancy.TenantContext;
import com.ambiosys.platform.tenancy.TenantScoped;

/**
 * Runs a module listener whose event is {@link TenantScoped} in the event's tenant. It wraps the listener
 * outside its transaction (this advisor comes first), so that the listener's own transaction begins with
 * the tenant set for row-level security and everything it does is one unit: done whole, or rolled back
 * and delivered again.
 */
final class TenantListenerAdvisor extends AbstractPointcutAdvisor {

    private static final Pointcut LISTENERS = AnnotationMatchingPointcut.forMethodAnnotation(ApplicationModuleListener.class);

    private final transient MethodInterceptor advice = TenantListenerAdvisor::inTenant;

    TenantListenerAdvisor() {
        setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
    }

    @Override
    public Pointcut getPointcut() {
        return LISTENERS;
    }

    @Override
    public MethodInterceptor getAdvice() {
        return advice;
    }

    private static Object inTenant(MethodInvocation invocation) throws Throwable {
        Object[] args = invocation.getArguments();
        if (args.length == 0 || !(args[0] instanceof TenantScoped event) || event.tenantId() == null) {
            return invocation.proceed();
        }
        try (TenantContext.Scope scope = TenantContext.open(event.tenantId())) {
            return invocation.proceed();
        }
    }
}
