package org.groundgame.gateway.edge;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * What one request may bring, {@code groundgame.gateway.*}.
 *
 * @param maxBodySize the largest request body accepted
 * ({@code groundgame.gateway.max-body-size}, default {@code 256KB}); a larger one is a
 * {@code 413} problem and never reaches a service
 */
@Validated
@ConfigurationProperties("groundgame.gateway")
record RequestLimits(@NotNull @DefaultValue("256KB") DataSize maxBodySize) {

}
