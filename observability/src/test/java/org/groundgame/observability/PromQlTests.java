package org.groundgame.observability;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PromQlTests {

	@Test
	void findsTheMetricsOfAQuantileOverARateLeavingOutFunctionsLabelsAndRanges() {
		assertThat(PromQl.metricNames(
				"""
						histogram_quantile(0.99, sum by (le, application) (
						  rate(http_server_requests_seconds_bucket{application=~"$application", uri!~"/actuator.*"}[$__rate_interval])
						))"""))
			.containsExactly("http_server_requests_seconds_bucket");
	}

	@Test
	void findsEverySideOfABinaryExpressionAndLeavesOutKeywordsNumbersAndDurations() {
		assertThat(PromQl.metricNames("""
				(a_total offset 5m > bool 0.5e3) and on (application) group_left (name) b_seconds_max
				or increase(c_total[1h:5m]) > 1 unless max without (instance) (d) > -Inf""")).containsExactly("a_total",
				"b_seconds_max", "c_total", "d");
	}

	@Test
	void findsRecordedSeriesByTheirColonsAndIgnoresWhatStringsSay() {
		assertThat(PromQl.metricNames(
				"application:http_errors:ratio_rate5m > (14.4 * 0.005) and label_replace(up, \"x\", \"y_z\", \"job\", \"(.*)\")"))
			.containsExactly("application:http_errors:ratio_rate5m", "up");
	}

	@Test
	void readsTheMetricOfAGrafanaLabelValuesQueryAndNotItsLabel() {
		assertThat(PromQl.metricNamesOfVariableQuery("label_values(jvm_memory_used_bytes{area=\"heap\"}, application)"))
			.containsExactly("jvm_memory_used_bytes");
		assertThat(PromQl.metricNamesOfVariableQuery("label_values(application)")).isEmpty();
	}

}
