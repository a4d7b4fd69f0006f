package org.atalaya.platform.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses parameters that contain a NUL character before they reach any handler: no text Atalaya stores may hold
 * one (PostgreSQL refuses it), and a name or search term with one is never a person's input.
 */
@Component
@ConditionalOnWebApplication
@Order(Ordered.HIGHEST_PRECEDENCE)
class NulCharacterFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean nul = request.getParameterMap().entrySet().stream().anyMatch(parameter ->
                parameter.getKey().indexOf('\0') >= 0
                        || java.util.Arrays.stream(parameter.getValue()).anyMatch(value -> value.indexOf('\0') >= 0));
        if (nul) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Invalid request\",\"status\":400,"
                    + "\"detail\":\"A parameter of the request contains a NUL character, which no field accepts.\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
