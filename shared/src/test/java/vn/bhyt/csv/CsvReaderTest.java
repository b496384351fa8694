package vn.bhyt.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class CsvReaderTest {
  @Test
  void readsQuotedFieldsDoubledQuotesAndCrlfByColumnName() throws IOException {
    String text = "\uFEFFa,B ,c\r\n1,\"x, \"\"y\"\"\",  3 \r\n\r\n4,,\n";
    try (CsvReader csv = CsvReader.open(new StringReader(text))) {
      assertThat(csv.has("b")).isTrue();
      CsvRecord first = csv.next();
      assertThat(first.line()).isEqualTo(2);
      assertThat(first.get("a")).isEqualTo("1");
      assertThat(first.get("b")).isEqualTo("x, \"y\"");
      assertThat(first.get("C")).isEqualTo("3");
      CsvRecord second = csv.next();
      assertThat(second.line()).isEqualTo(4);
      assertThat(second.get("b")).isNull();
      assertThat(second.get("missing")).isNull();
      assertThat(csv.next()).isNull();
    }
  }

  @Test
  void quotedFieldMaySpanLines() throws IOException {
    try (CsvReader csv = CsvReader.open(new StringReader("a,b\n\"one\ntwo\",2\n3,4\n"))) {
      assertThat(csv.next().get("a")).isEqualTo("one\ntwo");
      assertThat(csv.next().line()).isEqualTo(4);
    }
  }

  @Test
  void unclosedQuoteIsAnErrorWithItsLine() throws IOException {
    try (CsvReader csv = CsvReader.open(new StringReader("a\n\"open\n"))) {
      assertThatThrownBy(csv::next).isInstanceOf(CsvException.class).hasMessageContaining("line 2");
    }
  }

  @Test
  void emptyFileHasNoHeader() {
    assertThatThrownBy(() -> CsvReader.open(new StringReader(""))).isInstanceOf(CsvException.class);
  }
}
