package org.groundgame.web.site;

import org.groundgame.web.WebProperties;

import org.springframework.http.CacheControl;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.WebContentInterceptor;

/**
 * The pages that are the same for everyone (no form, nobody's own data) may be kept by
 * browsers and shared caches for a while ({@code groundgame.web.public-max-age}), per
 * language. Pages with a form (their CSRF token is the visitor's own) or a person's data
 * are never cached.
 */
@Component
class PublicPages implements WebMvcConfigurer {

	static final String[] CACHEABLE = { "/", "/candidates", "/candidates/*", "/races", "/results", "/chapters",
			"/chapters/*", "/opportunities", "/school" };

	private final WebProperties properties;

	PublicPages(WebProperties properties) {
		this.properties = properties;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		WebContentInterceptor caching = new WebContentInterceptor();
		caching.addCacheMapping(CacheControl.maxAge(this.properties.publicMaxAge()).cachePublic(), CACHEABLE);
		// Whatever else the site answers (forms, private pages) is kept nowhere.
		caching.setCacheControl(CacheControl.noStore());
		caching.setVaryByRequestHeaders("Accept-Language", "Cookie", "HX-Request");
		registry.addInterceptor(caching);
	}

}
