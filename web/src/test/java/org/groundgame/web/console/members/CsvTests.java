package org.groundgame.web.console.members;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTests {

	@Test
	void cellsThatASpreadsheetWouldRunAsAFormulaAreWrittenAsText() {
		assertThat(Csv.cell("=HYPERLINK(\"http://evil.example\",\"Click\")"))
			.isEqualTo("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\"");
		assertThat(Csv.cell("+1 (314) 555-0123")).isEqualTo("'+1 (314) 555-0123");
		assertThat(Csv.cell("-2+3")).isEqualTo("'-2+3");
		assertThat(Csv.cell("@SUM(A1:A9)")).isEqualTo("'@SUM(A1:A9)");
		assertThat(Csv.cell("\t=1")).isEqualTo("'\t=1");
		assertThat(Csv.cell("\r=1")).isEqualTo("\"'\r=1\"");
	}

	@Test
	void ordinaryCellsAndNumbersAreWrittenAsTheyAre() {
		assertThat(Csv.cell("Ada Example")).isEqualTo("Ada Example");
		assertThat(Csv.cell("a=b")).isEqualTo("a=b");
		assertThat(Csv.cell(12.5)).isEqualTo("12.5");
		assertThat(Csv.cell(-1)).isEqualTo("-1");
		assertThat(Csv.cell(null)).isEmpty();
		assertThat(Csv.cell("")).isEmpty();
	}

	@Test
	void commasQuotesAndLineBreaksAreQuotedAndLinesEndWithCrLf() {
		StringWriter out = new StringWriter();

		new Csv(out).line(List.of("Example, Ada", "She said \"hi\"", "two\nlines")).line(Arrays.asList("x", null, "y"));

		assertThat(out).hasToString("\"Example, Ada\",\"She said \"\"hi\"\"\",\"two\nlines\"\r\nx,,y\r\n");
	}

}
