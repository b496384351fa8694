package vn.bhyt.verifier.registry;

import java.util.Collection;
import java.util.Map;
import vn.bhyt.domain.CardNumber;

/** The registry's card terms, for modules that need cards' validity over time (claims). */
public interface CardTerms {

  /**
   * The terms of the cards the registry holds, by number; numbers it does not hold are absent.
   *
   * @throws vn.bhyt.persistence.DatabaseException when the database does not answer
   */
  Map<CardNumber, CardTerm> of(Collection<CardNumber> numbers);
}
