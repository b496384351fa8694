package vn.bhyt.verifier.rules;

import java.math.BigDecimal;
import java.util.List;

/** The share of in-scope costs the fund pays for the visit, the route, and why. */
public record Coverage(BigDecimal percent, Route route, List<Explanation> explanation) {
  public Coverage {
    explanation = List.copyOf(explanation);
  }

  /** One line of the explanation: a stable code and the values for its message. */
  public record Explanation(String code, List<String> args) {
    public Explanation {
      args = List.copyOf(args);
    }

    static Explanation of(String code, Object... args) {
      String[] texts = new String[args.length];
      for (int i = 0; i < args.length; i++) {
        texts[i] = String.valueOf(args[i]);
      }
      return new Explanation(code, List.of(texts));
    }
  }
}
