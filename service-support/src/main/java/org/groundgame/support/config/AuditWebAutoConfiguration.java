package org.groundgame.support.config;

import org.groundgame.support.audit.AuditActors;
import org.groundgame.support.audit.AuditController;
import org.groundgame.support.audit.AuditTrail;
import org.groundgame.support.audit.AuditedRequests;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The audit trail on the web: staff's endpoints to read and verify it, and every change
 * made with a token chained into it as it is answered.
 */
@AutoConfiguration(after = GroundGameServiceAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class AuditWebAutoConfiguration {

	@Bean
	AuditController auditController(AuditTrail trail) {
		return new AuditController(trail);
	}

	@Bean
	WebMvcConfigurer auditedRequests(AuditTrail trail, AuditActors actors) {
		AuditedRequests audited = new AuditedRequests(trail, actors);
		return new WebMvcConfigurer() {

			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(audited);
			}

		};
	}

}
