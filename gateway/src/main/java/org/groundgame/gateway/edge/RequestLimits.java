package org.groundgame.gateway.edge;

import java.util.List;

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
 * @param maxPhotoSize the largest body of a candidate's photo upload
 * ({@code groundgame.gateway.max-photo-size}, default {@code 6MB}: endorsement-service
 * takes images up to 5 MB and re-encodes them), on {@link #PHOTO_UPLOADS} only
 */
@Validated
@ConfigurationProperties("groundgame.gateway")
record RequestLimits(@NotNull @DefaultValue("256KB") DataSize maxBodySize,
		@NotNull @DefaultValue("6MB") DataSize maxPhotoSize) {

	/**
	 * Where a candidate's photo is uploaded: the profile form's page (the web module) and
	 * endorsement-service's own endpoints, for the candidate and for staff.
	 */
	static final List<String> PHOTO_UPLOADS = List.of("/questionnaire/profile/photo",
			"/api/questionnaire/profile/photo", "/api/candidates/*/profile/photo");

}
