package org.groundgame.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.springframework.session.MapSession;
import org.springframework.session.Session;

/**
 * A session as {@link SessionStore} reads and writes it: the state, and whether its
 * attributes or its id changed since it was read (Spring Security changes the id at
 * sign-in, against session fixation). A module may name its own subclass.
 */
public class SharedSession implements Session {

	private final MapSession state;

	private String originalId;

	private boolean isNew;

	private boolean attributesChanged;

	protected SharedSession(MapSession state) {
		this.state = state;
		this.originalId = state.getId();
	}

	final MapSession state() {
		return this.state;
	}

	final void markNew() {
		this.isNew = true;
	}

	final boolean isNew() {
		return this.isNew;
	}

	final boolean attributesChanged() {
		return this.attributesChanged;
	}

	final boolean idChanged() {
		return !this.isNew && !this.originalId.equals(this.state.getId());
	}

	final String originalId() {
		return this.originalId;
	}

	final void saved() {
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

	/** The session's id stays out of logs: it is the key to a signed-in person. */
	@Override
	public String toString() {
		return getClass().getSimpleName() + "[created=" + getCreationTime() + "]";
	}

}
