package org.groundgame.endorsement.profile;

/**
 * An image as the service stores and serves it: re-encoded from an upload, without any of
 * the upload's metadata.
 *
 * @param id the hash of {@code data}, which is also its ETag
 */
record StoredImage(String id, String contentType, byte[] data, int width, int height) {

}
