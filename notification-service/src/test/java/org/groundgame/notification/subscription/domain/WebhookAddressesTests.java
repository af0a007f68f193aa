package org.groundgame.notification.subscription.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookAddressesTests {

	private final WebhookAddresses addresses = new WebhookAddresses(false);

	private final WebhookAddresses loopbackAllowed = new WebhookAddresses(true);

	@ParameterizedTest
	@ValueSource(strings = { "https://hooks.columbia.example/in", "http://hooks.columbia.example:8443/in?x=1",
			"HTTPS://Hooks.Columbia.Example", "https://93.184.215.14/hook", "https://[2606:4700::1111]/hook",
			"https://cafe.face.example/in", "https://172.32.0.1/in", "https://192.169.0.1/in" })
	void publicHttpUrlsAreAccepted(String url) {
		assertThat(this.addresses.problemWith(url)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "ftp://hooks.example.org/in", "mailto:hooks@example.org", "/relative/path",
			"hooks.example.org/in", "https://", "https:///in", "http://exa mple.org", "javascript:alert(1)" })
	void anythingButAnAbsoluteHttpUrlIsRefused(String url) {
		assertThat(this.addresses.problemWith(url)).contains(WebhookAddresses.NOT_HTTP);
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://localhost:8080/in", "http://LOCALHOST./in", "http://api.localhost/in",
			"http://127.0.0.1/in", "http://127.8.9.10/in", "http://[::1]/in", "http://[::ffff:127.0.0.1]/in" })
	void loopbackIsRefusedUnlessAllowed(String url) {
		assertThat(this.addresses.problemWith(url)).contains(WebhookAddresses.INWARD);
		assertThat(this.loopbackAllowed.problemWith(url)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://10.0.0.8/in", "http://172.16.0.1/in", "http://172.31.255.255/in",
			"http://192.168.1.20/in", "http://169.254.169.254/latest/meta-data", "http://0.0.0.0/in", "http://[::]/in",
			"http://[fc00::1]/in", "http://[fd12:3456::1]/in", "http://[fe80::1]/in", "http://[::ffff:10.0.0.1]/in",
			"http://[::ffff:169.254.169.254]/in" })
	void privateLinkLocalAndUnspecifiedAddressesAreAlwaysRefused(String url) {
		assertThat(this.addresses.problemWith(url)).contains(WebhookAddresses.INWARD);
		assertThat(this.loopbackAllowed.problemWith(url)).contains(WebhookAddresses.INWARD);
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://127.1/in", "http://2130706433/in", "http://0x7f.0.0.1/in", "http://0177.0.0.1/in",
			"http://10.0.0.010/in", "http://hooks.example.0x10/in" })
	void numericHostsOtherThanDottedQuadsAreRefused(String url) {
		// Some java.net.URI does not even take for a host; the others are ambiguous.
		assertThat(this.addresses.problemWith(url)).hasValueSatisfying(
				(problem) -> assertThat(problem).isIn(WebhookAddresses.AMBIGUOUS, WebhookAddresses.NOT_HTTP));
		assertThat(this.loopbackAllowed.problemWith(url)).isPresent();
	}

	@Test
	void hostNamesAreNotLookedUp() {
		// Resolving is the delivery's job (the address may change later); a name that
		// resolves nowhere is accepted here.
		assertThat(this.addresses.problemWith("https://no-such-host.invalid/in")).isEmpty();
	}

}
