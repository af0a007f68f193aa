package org.groundgame.identity.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The sign-in pages' {@code HttpSession} is Spring Session's, kept by
 * {@link SignInSessionStore} in the store rather than in Tomcat's memory, so that every
 * instance of the service answers every browser. Its cookie, {@code gg_identity}, is
 * {@code HttpOnly} and {@code SameSite=Lax} (a client's redirect to
 * {@code /oauth2/authorize} is a top-level navigation, which carries it).
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringHttpSession
class SignInSessionConfiguration {

	@Bean
	CookieSerializer signInSessionCookie() {
		DefaultCookieSerializer cookie = new DefaultCookieSerializer();
		cookie.setCookieName("gg_identity");
		cookie.setCookiePath("/");
		cookie.setUseHttpOnlyCookie(true);
		cookie.setSameSite("Lax");
		return cookie;
	}

}
