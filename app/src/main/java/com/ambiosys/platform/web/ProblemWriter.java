package com.ambiosys.platform.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

import tools.jackson.databind.json.JsonMapper;

/** Writes a problem response from a servlet filter, where no controller advice runs. */
@Component
public class ProblemWriter {

    private final Problems problems;
    private final JsonMapper json;
    private final LocaleResolver locales;

    ProblemWriter(Problems problems, JsonMapper json, LocaleResolver locales) {
        this.problems = problems;
        this.json = json;
        this.locales = locales;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
            Object... args) throws IOException {
        write(response, problems.create(status, code, locales.resolveLocale(request), args));
    }

    /** The 413 of {@link Problems#tooLarge}, for a body over {@code maxBytes}. */
    public void writeTooLarge(HttpServletRequest request, HttpServletResponse response, long maxBytes) throws IOException {
        write(response, problems.tooLarge(maxBytes, locales.resolveLocale(request)));
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
