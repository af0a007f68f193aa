package org.groundgame.endorsement.profile.domain;

/**
 * The candidate's photo: an image the service stores (re-encoded from an upload, known by
 * the hash of its bytes) or an https address elsewhere; exactly one of the two.
 *
 * @param imageId the hash of the stored image's bytes, or {@code null}
 * @param url the https address of an image elsewhere, or {@code null}
 * @param width in pixels, for a stored image; else {@code null}
 * @param height in pixels, for a stored image; else {@code null}
 */
public record Photo(String imageId, String url, Integer width, Integer height) {

	public Photo {
		if ((imageId == null) == (url == null)) {
			throw new IllegalArgumentException("A photo is either a stored image or an address");
		}
	}

	/** An image re-encoded and stored by the service. */
	public static Photo stored(String imageId, int width, int height) {
		return new Photo(imageId, null, width, height);
	}

	/**
	 * An image elsewhere, at an https address (checked as {@link WebAddresses} does).
	 * @param field the field that gave it, named when it is refused
	 */
	public static Photo at(String field, String url) {
		WebAddresses addresses = new WebAddresses();
		String checked = addresses.https(field, url);
		addresses.throwIfAny();
		if (checked == null) {
			throw new org.groundgame.support.domain.InvalidInputException(field, "must not be blank");
		}
		return new Photo(null, checked, null, null);
	}

	public boolean isStored() {
		return this.imageId != null;
	}

}
