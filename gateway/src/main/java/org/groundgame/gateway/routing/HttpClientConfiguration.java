package org.groundgame.gateway.routing;

import java.net.http.HttpClient;

import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The JDK HTTP client that proxies to the services speaks HTTP/1.1 only. Left at its
 * default (HTTP/2), it asks every service, on every {@code GET} over plain
 * {@code http://}, to upgrade the connection to HTTP/2 ({@code Connection: Upgrade,
 * HTTP2-Settings}, {@code Upgrade: h2c}), which the services' Tomcat never does: extra
 * headers to write, send and parse on both sides, for nothing. Its connections are pooled
 * and kept alive as before; its retry of a {@code GET} or {@code HEAD} whose connection
 * closed before an answer ({@link BackendCircuitBreaker}) is the same for either version.
 */
@Configuration(proxyBeanMethods = false)
class HttpClientConfiguration {

	@Bean
	ClientHttpRequestFactoryBuilderCustomizer<JdkClientHttpRequestFactoryBuilder> http11ToServices() {
		return (builder) -> builder.withHttpClientCustomizer((client) -> client.version(HttpClient.Version.HTTP_1_1));
	}

}
