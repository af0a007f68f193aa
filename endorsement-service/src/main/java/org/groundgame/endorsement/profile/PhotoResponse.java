package org.groundgame.endorsement.profile;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A stored image as an answer: its bytes, its type, its hash as the ETag (a conditional
 * {@code GET} that names it is answered {@code 304}).
 */
final class PhotoResponse {

	private PhotoResponse() {
	}

	static ResponseEntity<byte[]> answer(StoredImage image, CacheControl cache) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(image.contentType()))
			.eTag('"' + image.id() + '"')
			.cacheControl(cache)
			.body(image.data());
	}

	/** A draft's photo: for the one reader, kept by no cache. */
	static ResponseEntity<byte[]> privately(StoredImage image) {
		return answer(image, CacheControl.noStore());
	}

}
