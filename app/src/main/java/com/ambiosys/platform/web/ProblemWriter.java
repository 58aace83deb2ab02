package com.ambiosys.platform.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

import tools.jackson.databind.json.JsonMapper;

/** Writes a problem response from a servlet filter, where no controller advice runs. */
@Component
public class ProblemWriter {

    private final Problems problems;
    private final JsonMapper json;
    private final AcceptHeaderLocaleResolver locales = new AcceptHeaderLocaleResolver();

    ProblemWriter(Problems problems, JsonMapper json) {
        this.problems = problems;
        this.json = json;
        locales.setSupportedLocales(List.of(WebConfiguration.SPANISH, Locale.ENGLISH));
        locales.setDefaultLocale(WebConfiguration.SPANISH);
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
            Object... args) throws IOException {
        ProblemDetail problem = problems.create(status, code, locales.resolveLocale(request), args);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
