package org.groundgame.volunteer.calendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.context.annotation.UserConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class CalendarConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(UserConfigurations.of(CalendarConfiguration.class));

	@Test
	void aConfiguredSecretMakesTheSameTokensOnEveryInstance() {
		String secret = "groundgame.volunteer.calendar.secret=shared by every instance of the service";

		this.runner.withPropertyValues(secret)
			.run((one) -> this.runner.withPropertyValues(secret)
				.run((two) -> assertThat(one.getBean(FeedTokens.class).tokenFor("v-1"))
					.isEqualTo(two.getBean(FeedTokens.class).tokenFor("v-1"))));
	}

	@Test
	void withoutASecretEachStartMakesItsOwnAndWarns(CapturedOutput output) {
		this.runner.run((one) -> this.runner.run((two) -> assertThat(one.getBean(FeedTokens.class).tokenFor("v-1"))
			.isNotEqualTo(two.getBean(FeedTokens.class).tokenFor("v-1"))));

		assertThat(output).contains("groundgame.volunteer.calendar.secret is not set");
	}

	@Test
	void aSecretTooShortStopsTheStart() {
		this.runner.withPropertyValues("groundgame.volunteer.calendar.secret=short")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void theSecretIsNeverInTheTextOfItsProperties() {
		assertThat(new CalendarConfiguration.CalendarProperties("do not print me").toString())
			.doesNotContain("do not print me");
	}

}
