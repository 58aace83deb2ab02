package com.ambiosys.platform.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Query and form parameters (multipart text fields included) are checked for control characters before
 * the handler runs; the problem advice answers with a 400 that names the parameter.
 */
class ControlCharacterParameterInterceptor implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (ControlCharacters.present(parameter.getKey())) {
                throw new InvalidTextException("parameter");
            }
            for (String value : parameter.getValue()) {
                if (value != null && ControlCharacters.present(value)) {
                    throw new InvalidTextException(parameter.getKey());
                }
            }
        }
        return true;
    }
}
