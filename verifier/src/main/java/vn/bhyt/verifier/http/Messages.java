package vn.bhyt.verifier.http;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The receptionist's texts, in Vietnamese or English. */
final class Messages {
  private static final String BUNDLE = "vn.bhyt.verifier.http.messages";
  private final ResourceBundle bundle;
  private final Locale locale;

  private Messages(ResourceBundle bundle, Locale locale) {
    this.bundle = bundle;
    this.locale = locale;
  }

  static Messages of(Locale locale) {
    Locale l = locale.getLanguage().equals("en") ? Locale.ENGLISH : Locale.forLanguageTag("vi");
    return new Messages(
        ResourceBundle.getBundle(
            BUNDLE,
            l,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)),
        l);
  }

  boolean has(String key) {
    return bundle.containsKey(key);
  }

  /** The text for a key, its arguments filled in; terms such as facility levels are translated. */
  String format(String key, List<String> args) {
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
}
