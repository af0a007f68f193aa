package org.groundgame.endorsement.questionnaire;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The candidate's page is linked as {@code /questionnaire/#token=…} (the token in the
 * fragment never reaches a server or its logs). Static resources are served by file name
 * only, so the folder's address is forwarded to its {@code index.html}, and the address
 * without the slash redirected to it (a relative script path must resolve inside the
 * folder).
 */
@Configuration(proxyBeanMethods = false)
class QuestionnairePageConfiguration implements WebMvcConfigurer {

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addViewController("/questionnaire/").setViewName("forward:/questionnaire/index.html");
		// With a status of its own the redirect's Location is the path as given.
		registry.addRedirectViewController("/questionnaire", "/questionnaire/")
			.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
	}

}
