package com.ambiosys.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.lang.reflect.Method;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.validation.BindException;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.web.bind.support.ConfigurableWebBindingInitializer;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.method.annotation.ServletModelAttributeMethodProcessor;
import org.springframework.web.servlet.mvc.method.annotation.ServletRequestDataBinderFactory;

/**
 * The query records bound by {@link QueryRecordArguments} are the ones Spring's own constructor binding
 * builds from the same request, and whatever Spring would refuse is refused with the same field errors.
 * Valid queries are bound by {@code alone}, whose fallback throws: they must be built by our binding,
 * so the comparison with Spring would fail if our binding were removed or fell back. (What that saves
 * is a matter of cost, for bench/, not of these tests.)
 */
class QueryRecordArgumentsTest {

    record Filter(List<@Pattern(regexp = "NEW|IN_REVIEW|QUOTED") String> status, UUID ownerId, LocalDate from,
            @Size(max = 10) String q, Boolean unassigned) {
    }

    @SuppressWarnings("unused")
    void handler(@Valid Filter filter, @Valid PageQuery page, Filter unvalidated) {
    }

    static LocalValidatorFactoryBean validator;
    static DefaultFormattingConversionService conversions = new DefaultFormattingConversionService();

    final ServletModelAttributeMethodProcessor spring = new ServletModelAttributeMethodProcessor(true);
    final QueryRecordArguments fast = new QueryRecordArguments(() -> conversions, () -> validator, spring);
    /** Our binding without Spring behind it: a query it leaves to Spring fails the test. */
    final QueryRecordArguments alone = new QueryRecordArguments(() -> conversions, () -> validator,
            new HandlerMethodArgumentResolver() {
                @Override
                public boolean supportsParameter(MethodParameter parameter) {
                    return true;
                }

                @Override
                public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                        NativeWebRequest request, WebDataBinderFactory binders) {
                    throw new AssertionError("left to Spring: " + request.getNativeRequest(
                            MockHttpServletRequest.class).getQueryString());
                }
            });

    @BeforeAll
    static void validator() {
        validator = new LocalValidatorFactoryBean();
        validator.afterPropertiesSet();
    }

    @AfterAll
    static void close() {
        validator.close();
    }

    static MethodParameter parameter(int index) throws NoSuchMethodException {
        Method m = QueryRecordArgumentsTest.class.getDeclaredMethod("handler", Filter.class, PageQuery.class, Filter.class);
        return new MethodParameter(m, index);
    }

    static ServletRequestDataBinderFactory binders() {
        ConfigurableWebBindingInitializer initializer = new ConfigurableWebBindingInitializer();
        initializer.setConversionService(conversions);
        initializer.setValidator(validator);
        return new ServletRequestDataBinderFactory(null, initializer);
    }

    static MockHttpServletRequest request(String query) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/things");
        request.setQueryString(query);
        for (String pair : query.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                request.addParameter(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
            }
        }
        return request;
    }

    Object bind(HandlerMethodArgumentResolver resolver, int index, String query) throws Exception {
        return resolver.resolveArgument(parameter(index), new ModelAndViewContainer(),
                new ServletWebRequest(request(query)), binders());
    }

    @Test
    void bindsValidQueriesAsSpringDoes() throws Exception {
        String owner = UUID.randomUUID().toString();
        List<String> queries = List.of("", "status=NEW", "status=NEW&status=QUOTED", "status=NEW,IN_REVIEW",
                "ownerId=" + owner + "&from=2026-11-01&q=jose&unassigned=true", "q=", "ownerId=", "other=1&q=x");
        for (String query : queries) {
            for (int index : new int[] { 0, 2 }) {
                Object expected = bind(spring, index, query);
                assertThat(bind(alone, index, query)).as(query).isEqualTo(expected).isInstanceOf(Filter.class);
            }
        }
        for (String query : List.of("", "page=3", "page=0&size=200", "size=1")) {
            assertThat(bind(alone, 1, query)).as(query).isEqualTo(bind(spring, 1, query));
        }
        assertThat(((Filter) bind(alone, 0, "status=NEW,IN_REVIEW")).status()).containsExactly("NEW", "IN_REVIEW");
    }

    @Test
    void refusesWhatSpringRefusesWithTheSameFieldErrors() throws Exception {
        // the unvalidated parameter takes an over-long q; the validated ones do not
        assertThat(((Filter) bind(alone, 2, "q=far-too-long-text")).q()).isEqualTo("far-too-long-text");
        for (String query : List.of("q=far-too-long-text", "status=CLOSED", "ownerId=not-a-uuid", "from=yesterday",
                "unassigned=maybe")) {
            Throwable expected = catchThrowable(() -> bind(spring, 0, query));
            Throwable actual = catchThrowable(() -> bind(fast, 0, query));
            assertThat(expected).as(query).isInstanceOf(BindException.class);
            assertThat(actual).as(query).isInstanceOf(expected.getClass());
            assertThat(((BindException) actual).getFieldErrors()).as(query).hasSameSizeAs(
                    ((BindException) expected).getFieldErrors());
            assertThat(((BindException) actual).getFieldError().getField())
                .isEqualTo(((BindException) expected).getFieldError().getField());
        }
        for (String query : List.of("size=500", "page=-1", "page=abc")) {
            assertThat(catchThrowable(() -> bind(fast, 1, query))).as(query).isInstanceOf(BindException.class);
        }
    }

    @Test
    void bindsMarkerAndNestedNamesAsSpringDoes() throws Exception {
        Object expected = bind(spring, 0, "_unassigned=&q=x");
        assertThat(bind(fast, 0, "_unassigned=&q=x")).isEqualTo(expected);
    }

    @Test
    void takesOnlyOurRecordsWithSimpleComponents() throws Exception {
        assertThat(fast.supportsParameter(parameter(0))).isTrue();
        assertThat(fast.supportsParameter(parameter(1))).isTrue();
        Method other = Object.class.getMethod("equals", Object.class);
        assertThat(fast.supportsParameter(new MethodParameter(other, 0))).isFalse();
    }
}
