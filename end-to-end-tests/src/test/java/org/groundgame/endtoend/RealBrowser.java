package org.groundgame.endtoend;

import java.net.URI;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One {@link Browser} per test JVM, pointed at the platform's gateway, shared by every
 * test class that takes one as a constructor or method parameter (after
 * {@link RunningPlatform} in {@code @ExtendWith}). Each test starts as a new visitor (no
 * cookies, desktop width); a test that fails leaves its last page in
 * {@code target/screenshots/failed-<class>-<test>-<width>.png} and {@code .html}. The
 * browser quits with the root store at the end of the run.
 */
final class RealBrowser implements ParameterResolver, BeforeEachCallback, AfterTestExecutionCallback {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RealBrowser.class);

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == Browser.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return browser(context);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		browser(context).startOver();
	}

	@Override
	public void afterTestExecution(ExtensionContext context) {
		if (context.getExecutionException().isPresent()) {
			Browser browser = browser(context);
			String name = "failed-" + context.getRequiredTestClass().getSimpleName() + "-"
					+ context.getRequiredTestMethod().getName() + "-" + browser.width().label();
			browser.save(name);
			browser.saveSource(name);
		}
	}

	private static Browser browser(ExtensionContext context) {
		return context.getRoot()
			.getStore(NAMESPACE)
			.computeIfAbsent(Browser.class, (key) -> Browser.start(site(RunningPlatform.platform(context).gateway())),
					Browser.class);
	}

	/**
	 * The gateway under the name people use, {@code localhost} (it listens on 127.0.0.1):
	 * the authorization server's issuer, and so the console's sign-in, its redirect
	 * addresses and its cookies, are on that name.
	 */
	private static URI site(URI gateway) {
		return URI.create("http://localhost:" + gateway.getPort());
	}

}
