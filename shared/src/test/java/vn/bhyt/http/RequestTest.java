package vn.bhyt.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestTest {
  private static Request withHeaders(Map<String, String> headers) {
    return Request.of(Method.POST, "/x", Map.of("a", List.of("1", "2")), headers, new byte[0]);
  }

  @Test
  void headersAreFoundWhateverTheCaseOfTheirNames() {
    Request r = withHeaders(Map.of("content-TYPE", "Application/JSON; charset=utf-8"));
    assertThat(r.header("Content-Type")).isEqualTo("Application/JSON; charset=utf-8");
    assertThat(r.mediaType()).isEqualTo("application/json");
    assertThat(r.header("Accept")).isNull();
  }

  @Test
  void theLanguageIsVietnameseUnlessEnglishIsPreferred() {
    assertThat(withHeaders(Map.of()).language()).isEqualTo(Locale.forLanguageTag("vi"));
    assertThat(withHeaders(Map.of("Accept-Language", "en-US,en;q=0.9")).language())
        .isEqualTo(Locale.ENGLISH);
    assertThat(withHeaders(Map.of("Accept-Language", "vi;q=0.9,en;q=0.5")).language())
        .isEqualTo(Locale.forLanguageTag("vi"));
    assertThat(withHeaders(Map.of("Accept-Language", ";;;")).language())
        .isEqualTo(Locale.forLanguageTag("vi"));
  }

  @Test
  void theQueryGivesTheFirstValueAndEveryValue() {
    Request r = withHeaders(Map.of());
    assertThat(r.query("a")).isEqualTo("1");
    assertThat(r.query("b")).isNull();
    assertThat(r.queryParameters()).containsEntry("a", List.of("1", "2"));
  }
}
