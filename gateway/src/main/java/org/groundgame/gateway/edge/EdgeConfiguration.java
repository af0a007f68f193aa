package org.groundgame.gateway.edge;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The request id, the access log and the body size limit, in the order of
 * {@link EdgeFilterOrder}.
 */
@Configuration(proxyBeanMethods = false)
class EdgeConfiguration {

	@Bean
	FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
		FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
		registration.setOrder(EdgeFilterOrder.REQUEST_ID);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
		return registration;
	}

	@Bean
	FilterRegistrationBean<AccessLogFilter> accessLogFilter() {
		FilterRegistrationBean<AccessLogFilter> registration = new FilterRegistrationBean<>(new AccessLogFilter());
		registration.setOrder(EdgeFilterOrder.ACCESS_LOG);
		return registration;
	}

	@Bean
	FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(RequestLimits limits) {
		FilterRegistrationBean<BodySizeLimitFilter> registration = new FilterRegistrationBean<>(
				new BodySizeLimitFilter(limits.maxBodySize(), limits.maxPhotoSize(), RequestLimits.PHOTO_UPLOADS));
		registration.setOrder(EdgeFilterOrder.BODY_SIZE_LIMIT);
		return registration;
	}

	@Bean
	HttpHeadersFilter.RequestHttpHeadersFilter requestIdToService() {
		return new RequestIdHeaders.ToService();
	}

	@Bean
	HttpHeadersFilter.ResponseHttpHeadersFilter requestIdFromService() {
		return new RequestIdHeaders.FromService();
	}

}
