package org.groundgame.web.site;

/**
 * The Content-Security-Policy of every page of this module, the site's and the console's:
 * scripts, styles and fonts from the site only (candidates' photos may be https images),
 * no inline script or style, forms posted to the site only, no framing.
 */
public final class ContentSecurityPolicy {

	public static final String DIRECTIVES = "default-src 'self'; img-src 'self' https: data:; "
			+ "style-src 'self'; script-src 'self'; connect-src 'self'; font-src 'self'; object-src 'none'; "
			+ "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	private ContentSecurityPolicy() {
	}

}
