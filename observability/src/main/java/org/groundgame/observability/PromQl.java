package org.groundgame.observability;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads, found without a full parser: PromQL's
 * grammar is small enough that, once string literals, label matchers, ranges and the
 * label lists of {@code by}, {@code without}, {@code on}, {@code ignoring} and
 * {@code group_left}/{@code group_right} are taken out, every identifier left that is not
 * a keyword and not followed by a parenthesis (a function or an aggregation) is a metric
 * name. Grafana's variables ({@code $application}, {@code ${__rate_interval}}) are taken
 * out first.
 */
public final class PromQl {

	private static final Pattern GRAFANA_VARIABLE = Pattern.compile("\\$\\{[^}]*}|\\$\\w+|\\[\\[\\w+]]");

	private static final Pattern STRING = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])*'|`[^`]*`");

	private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");

	private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");

	private static final Pattern LABEL_LIST = Pattern
		.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");

	private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
			"ignoring", "group_left", "group_right", "inf", "nan", "atan2");

	private static final Pattern LABEL_VALUES = Pattern.compile("^\\s*label_values\\((.*)\\)\\s*$", Pattern.DOTALL);

	private PromQl() {
	}

	/**
	 * The metric names an expression reads.
	 * @param expression a PromQL expression, possibly with Grafana's variables in it
	 * @return the names, sorted
	 */
	public static Set<String> metricNames(String expression) {
		String rest = GRAFANA_VARIABLE.matcher(expression).replaceAll(" ");
		rest = STRING.matcher(rest).replaceAll(" ");
		rest = MATCHERS.matcher(rest).replaceAll(" ");
		rest = RANGE.matcher(rest).replaceAll(" ");
		rest = LABEL_LIST.matcher(rest).replaceAll(" ");
		Set<String> names = new TreeSet<>();
		int at = 0;
		while (at < rest.length()) {
			char c = rest.charAt(at);
			if (Character.isDigit(c)
					|| (c == '.' && at + 1 < rest.length() && Character.isDigit(rest.charAt(at + 1)))) {
				// A number or a duration (5m, 1e3, 0.5): none of it is a name.
				at = skipWhile(rest, at, (ch) -> Character.isLetterOrDigit(ch) || ch == '.' || ch == '_');
			}
			else if (Character.isLetter(c) || c == '_' || c == ':') {
				int end = skipWhile(rest, at, (ch) -> Character.isLetterOrDigit(ch) || ch == '_' || ch == ':');
				String word = rest.substring(at, end);
				int next = skipWhile(rest, end, Character::isWhitespace);
				boolean called = next < rest.length() && rest.charAt(next) == '(';
				if (!called && !KEYWORDS.contains(word.toLowerCase(java.util.Locale.ROOT))) {
					names.add(word);
				}
				at = end;
			}
			else {
				at++;
			}
		}
		return names;
	}

	/**
	 * The metric names a Grafana template variable's query reads: an expression, or
	 * {@code label_values(expression, label)} (whose last argument is a label) or
	 * {@code label_values(label)} (no metric).
	 * @param query the variable's query
	 * @return the names, sorted
	 */
	public static Set<String> metricNamesOfVariableQuery(String query) {
		var labelValues = LABEL_VALUES.matcher(query);
		if (labelValues.matches()) {
			String arguments = labelValues.group(1);
			int lastComma = arguments.lastIndexOf(',');
			return (lastComma < 0) ? new TreeSet<>() : metricNames(arguments.substring(0, lastComma));
		}
		return metricNames(query);
	}

	private static int skipWhile(String text, int from, CharTest test) {
		int at = from;
		while (at < text.length() && test.test(text.charAt(at))) {
			at++;
		}
		return at;
	}

	@FunctionalInterface
	private interface CharTest {

		boolean test(char c);

	}

}
