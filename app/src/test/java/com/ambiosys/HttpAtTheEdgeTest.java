package com.ambiosys;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;


import jakarta.servlet.Filter;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.cors.CorsProcessor;
import org.springframework.web.servlet.HandlerInterceptor;

import com.ambiosys.platform.web.ApiException;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * HTTP stays at the edge: services throw domain exceptions ({@code com.ambiosys.platform.errors}) and only the
 * web edge names HTTP statuses and answers. The edge is every class that
 * <ul>
 * <li>lives in a {@code web} package ({@code platform.web}, which maps the domain exceptions to problems, and
 * every module's controllers);</li>
 * <li>handles the servlet request itself: a servlet filter, a Spring MVC handler interceptor, a CORS processor,
 * Spring Security's authentication entry point or access-denied handler;</li>
 * <li>or declares the HTTP security filter chain (a {@link SecurityFilterChain} bean), whose entry point and
 * access-denied handler are lambdas compiled into that class.</li>
 * </ul>
 * No other class may depend on {@link ApiException} or on Spring's HTTP answer types ({@link HttpStatus},
 * {@link HttpStatusCode}, {@link ResponseEntity}, {@link ProblemDetail}).
 */
class HttpAtTheEdgeTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("com.ambiosys");

    @Test
    void onlyTheWebEdgeSpeaksHttp() {
        DescribedPredicate<JavaClass> edge = resideInAPackage("..web..")
            .or(assignableTo(Filter.class))
            .or(assignableTo(HandlerInterceptor.class))
            .or(assignableTo(CorsProcessor.class))
            .or(assignableTo(AuthenticationEntryPoint.class))
            .or(assignableTo(AccessDeniedHandler.class))
            .or(declaresSecurityFilterChain());
        noClasses().that(DescribedPredicate.not(edge).as("are outside the web edge"))
            .should().dependOnClassesThat(belongToAnyOf(ApiException.class, HttpStatus.class, HttpStatusCode.class,
                    ResponseEntity.class, ProblemDetail.class))
            .because("services throw the domain exceptions of com.ambiosys.platform.errors; the web layer maps them")
            .check(CLASSES);
    }

    private static DescribedPredicate<JavaClass> declaresSecurityFilterChain() {
        return DescribedPredicate.describe("declare a SecurityFilterChain bean",
                c -> c.getMethods().stream().anyMatch(m -> m.getRawReturnType().isEquivalentTo(SecurityFilterChain.class)));
    }
}
