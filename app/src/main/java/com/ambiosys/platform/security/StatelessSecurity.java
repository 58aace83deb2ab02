package com.ambiosys.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;

/**
 * What every security chain of ours shares: no server session, no CSRF tokens (no chain authenticates with a
 * cookie a form could send; the refresh cookie's endpoints check the origin themselves), none of the browser
 * login flows, no saved requests.
 */
public final class StatelessSecurity {

    private StatelessSecurity() {
    }

    public static HttpSecurity apply(HttpSecurity http) throws Exception {
        return http.csrf(csrf -> csrf.disable())
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .httpBasic(b -> b.disable())
            .formLogin(f -> f.disable())
            .logout(l -> l.disable())
            .requestCache(c -> c.disable());
    }
}
