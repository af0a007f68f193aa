package org.groundgame.gateway.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which web origins may call the platform from a browser,
 * {@code groundgame.gateway.cors.allowed-origins} (comma-separated in the environment:
 * {@code GROUNDGAME_GATEWAY_CORS_ALLOWEDORIGINS}).
 *
 * @param allowedOrigins the platform's own web applications, e.g.
 * {@code https://groundgame.example.org}; no wildcard
 */
@ConfigurationProperties("groundgame.gateway.cors")
record CorsProperties(@DefaultValue("http://localhost:5173") List<String> allowedOrigins) {

}
