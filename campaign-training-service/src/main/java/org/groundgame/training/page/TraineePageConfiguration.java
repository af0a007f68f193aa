package org.groundgame.training.page;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The trainee's page: a seat offer's e-mail links to
 * {@code /training/enrollments/<id>#token=…} (the token in the fragment never reaches a
 * server or its logs). Every such address is forwarded to the one static page, which
 * reads the id from the path and the token from the fragment and asks the API. The page
 * refers to its script and stylesheet by absolute path, since relative ones would resolve
 * under {@code /training/enrollments/} and be taken for an enrollment's id.
 */
@Configuration(proxyBeanMethods = false)
class TraineePageConfiguration implements WebMvcConfigurer {

	static final String PAGE = "/training/enrollment.html";

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addViewController("/training/enrollments/*").setViewName("forward:" + PAGE);
	}

}
