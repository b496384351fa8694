package vn.bhyt.verifier.api;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.jspecify.annotations.Nullable;

/**
 * The receptionist's texts, in Vietnamese or English.
 *
 * <p>Texts are made once per key and arguments and kept, with their JSON encoding, which {@link
 * CheckAnswerWriter} copies instead of encoding the same Vietnamese text for every answer.
 */
final class Messages {
  static final String REASON = "reason.";
  static final String RESULT = "result.";
  static final String COVERAGE = "coverage.";
  static final String OUTCOME = "outcome.";

  private static final int TEXTS = 10_000;
  private static final String BUNDLE = "vn.bhyt.verifier.api.messages";
  private static final Cache<String, SerializableString> ENCODED =
      Caffeine.newBuilder().maximumSize(2L * TEXTS).build();
  private static final Messages VIETNAMESE = load(Locale.forLanguageTag("vi"));
  private static final Messages ENGLISH = load(Locale.ENGLISH);
  private final Cache<Text, String> texts = Caffeine.newBuilder().maximumSize(TEXTS).build();
  private final ResourceBundle bundle;
  private final Locale locale;

  private Messages(ResourceBundle bundle, Locale locale) {
    this.bundle = bundle;
    this.locale = locale;
  }

  static Messages of(Locale locale) {
    return locale.getLanguage().equals("en") ? ENGLISH : VIETNAMESE;
  }

  private static Messages load(Locale locale) {
    ResourceBundle bundle =
        ResourceBundle.getBundle(
            BUNDLE,
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    return new Messages(bundle, locale);
  }

  boolean has(String key) {
    return bundle.containsKey(key);
  }

  boolean has(String kind, String code) {
    return bundle.containsKey(kind + code);
  }

  /**
   * The text for a key, such as {@code reason.} and {@code CARD_EXPIRED}, its arguments filled in;
   * terms such as facility levels are translated.
   */
  String format(String kind, String code, List<String> args) {
    return texts.get(new Text(kind, code, args), t -> fill(kind + code, args));
  }

  /** A text this class made, JSON-encoded, or null when it is not one (or no longer kept). */
  static @Nullable SerializableString encoded(String text) {
    return ENCODED.getIfPresent(text);
  }

  private String fill(String key, List<String> args) {
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      return key;
    }
    Object[] values = new Object[args.size()];
    for (int i = 0; i < values.length; i++) {
      String a = args.get(i);
      if (pattern.contains("{" + i + ",number")) {
        values[i] = new BigDecimal(a);
      } else {
        values[i] = bundle.containsKey("term." + a) ? bundle.getString("term." + a) : a;
      }
    }
    String text = new MessageFormat(pattern, locale).format(values);
    ENCODED.put(text, new SerializedString(text));
    return text;
  }

  /** A text's key, in two parts so that no key is concatenated to look a text up. */
  private record Text(String kind, String code, List<String> args) {
    Text {
      args = List.copyOf(args);
    }
  }
}
