package org.groundgame.support.domain;

/**
 * Nothing is known by that id (answered as {@code 404}). Plain Java, so domains may throw
 * it.
 */
public class NotFoundException extends RuntimeException {

	private final String kind;

	private final String id;

	public NotFoundException(String kind, String id) {
		super("No " + kind + " with id " + id);
		this.kind = kind;
		this.id = id;
	}

	public String kind() {
		return this.kind;
	}

	public String id() {
		return this.id;
	}

}
