package vn.bhyt.fundsim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The transactions the simulated fund took, in memory and, when a state file is given, in that file
 * (rewritten whole after each new transaction, so that a restart keeps them).
 */
final class Ledger {
  /** A file the fund took. {@code sha256} is the hash of the decoded envelope's bytes. */
  record Transaction(
      String maGiaoDich,
      String facility,
      String sha256,
      Instant received,
      Assessor.Result result) {}

  /** What the state file holds. */
  record State(long sequence, List<Transaction> transactions) {}

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private final @Nullable Path file;
  private final List<Transaction> all = new ArrayList<>();
  private final Map<String, Transaction> byHash = new HashMap<>();
  private final Map<String, Transaction> byId = new HashMap<>();
  private long sequence;

  private Ledger(@Nullable Path file, State state) {
    this.file = file;
    this.sequence = state.sequence();
    state.transactions().forEach(this::index);
  }

  static Ledger inMemory() {
    return new Ledger(null, new State(0, List.of()));
  }

  /** A ledger kept in that file, starting from what it holds when it exists. */
  static Ledger inFile(Path file) throws IOException {
    if (!Files.exists(file)) {
      return new Ledger(file, new State(0, List.of()));
    }
    return new Ledger(file, MAPPER.readValue(file.toFile(), State.class));
  }

  /** The transaction of a byte-identical file, or a new one. */
  synchronized Transaction take(
      String facility, String sha256, Instant now, Assessor.Result result) {
    Transaction known = byHash.get(facility + "/" + sha256);
    if (known != null) {
      return known;
    }
    sequence++;
    String id = facility + "-" + String.format("%010d", sequence);
    Transaction t = new Transaction(id, facility, sha256, now, result);
    index(t);
    save();
    return t;
  }

  synchronized Optional<Transaction> byId(String facility, String maGiaoDich) {
    return Optional.ofNullable(byId.get(maGiaoDich)).filter(t -> t.facility().equals(facility));
  }

  /** Every transaction, oldest first. */
  synchronized List<Transaction> all() {
    return List.copyOf(all);
  }

  /** Every transaction of the facility that carried that visit, oldest first. */
  synchronized List<Transaction> byMaLk(String facility, String maLk) {
    return all.stream()
        .filter(t -> t.facility().equals(facility) && t.result().maLk().equals(maLk))
        .toList();
  }

  private void index(Transaction t) {
    all.add(t);
    byHash.put(t.facility() + "/" + t.sha256(), t);
    byId.put(t.maGiaoDich(), t);
  }

  private void save() {
    if (file == null) {
      return;
    }
    try {
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      MAPPER.writeValue(tmp.toFile(), new State(sequence, List.copyOf(all)));
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("fund-sim: cannot write the state file", e);
    }
  }
}
