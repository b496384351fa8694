package vn.bhyt.verifier.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The receptionist's texts, in Vietnamese or English. */
final class Messages {
  private static final String BUNDLE = "vn.bhyt.verifier.http.messages";
  private static final Messages VIETNAMESE = load(Locale.forLanguageTag("vi"));
  private static final Messages ENGLISH = load(Locale.ENGLISH);
  private final Cache<Text, String> texts = Caffeine.newBuilder().maximumSize(10_000).build();
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

  /** The text for a key, its arguments filled in; terms such as facility levels are translated. */
  String format(String key, List<String> args) {
    return texts.get(new Text(key, List.copyOf(args)), t -> fill(t.key(), t.args()));
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
    return new MessageFormat(pattern, locale).format(values);
  }

  private record Text(String key, List<String> args) {}
}
