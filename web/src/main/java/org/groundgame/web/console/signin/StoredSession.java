package org.groundgame.web.console.signin;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.springframework.session.MapSession;
import org.springframework.session.Session;

/**
 * A console session as {@link StoredSessions} reads and writes it: the state, and whether
 * its attributes or its id changed since it was read (Spring Security changes the id at
 * sign-in, against session fixation).
 */
public final class StoredSession implements Session {

	private final MapSession state;

	private String originalId;

	private boolean isNew;

	private boolean attributesChanged;

	private StoredSession(MapSession state, boolean isNew) {
		this.state = state;
		this.originalId = state.getId();
		this.isNew = isNew;
	}

	static StoredSession created(MapSession state) {
		return new StoredSession(state, true);
	}

	static StoredSession found(MapSession state) {
		return new StoredSession(state, false);
	}

	MapSession state() {
		return this.state;
	}

	boolean isNew() {
		return this.isNew;
	}

	boolean attributesChanged() {
		return this.attributesChanged;
	}

	boolean idChanged() {
		return !this.isNew && !this.originalId.equals(this.state.getId());
	}

	String originalId() {
		return this.originalId;
	}

	void saved() {
		this.isNew = false;
		this.attributesChanged = false;
		this.originalId = this.state.getId();
	}

	@Override
	public String getId() {
		return this.state.getId();
	}

	@Override
	public String changeSessionId() {
		return this.state.changeSessionId();
	}

	@Override
	public <T> T getAttribute(String attributeName) {
		return this.state.getAttribute(attributeName);
	}

	@Override
	public Set<String> getAttributeNames() {
		return this.state.getAttributeNames();
	}

	@Override
	public void setAttribute(String attributeName, Object attributeValue) {
		this.state.setAttribute(attributeName, attributeValue);
		this.attributesChanged = true;
	}

	@Override
	public void removeAttribute(String attributeName) {
		this.state.removeAttribute(attributeName);
		this.attributesChanged = true;
	}

	@Override
	public Instant getCreationTime() {
		return this.state.getCreationTime();
	}

	@Override
	public void setLastAccessedTime(Instant lastAccessedTime) {
		this.state.setLastAccessedTime(lastAccessedTime);
	}

	@Override
	public Instant getLastAccessedTime() {
		return this.state.getLastAccessedTime();
	}

	@Override
	public void setMaxInactiveInterval(Duration interval) {
		this.state.setMaxInactiveInterval(interval);
	}

	@Override
	public Duration getMaxInactiveInterval() {
		return this.state.getMaxInactiveInterval();
	}

	@Override
	public boolean isExpired() {
		return this.state.isExpired();
	}

}
