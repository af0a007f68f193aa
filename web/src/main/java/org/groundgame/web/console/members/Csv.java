package org.groundgame.web.console.members;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Set;

/**
 * Writes CSV (RFC 4180: comma-separated, a cell quoted when it holds a comma, a quote or
 * a line break, quotes doubled, lines ended by CRLF) that spreadsheets open safely: a
 * cell that a spreadsheet would read as a formula (beginning with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return: OWASP's CSV injection) is prefixed
 * with a single quote, so that a volunteer who signs up as {@code =HYPERLINK(…)} is shown
 * as text, never run.
 */
final class Csv {

	private static final Set<Character> FORMULA_STARTS = Set.of('=', '+', '-', '@', '\t', '\r');

	private final Writer out;

	Csv(Writer out) {
		this.out = out;
	}

	/**
	 * Writes one line.
	 * @param cells its cells, {@code null} for an empty one
	 * @return this writer
	 */
	Csv line(List<?> cells) {
		try {
			for (int i = 0; i < cells.size(); i++) {
				if (i > 0) {
					this.out.write(',');
				}
				this.out.write(cell(cells.get(i)));
			}
			this.out.write("\r\n");
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * One cell as it is written: neutralised if a spreadsheet would take it for a
	 * formula, then quoted if it needs to be.
	 * @param value the cell's value, or {@code null}
	 * @return the cell's text in the file
	 */
	static String cell(Object value) {
		if (value == null) {
			return "";
		}
		String text = value.toString();
		if (!(value instanceof Number) && !text.isEmpty() && FORMULA_STARTS.contains(text.charAt(0))) {
			text = "'" + text;
		}
		if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
			text = '"' + text.replace("\"", "\"\"") + '"';
		}
		return text;
	}

}
