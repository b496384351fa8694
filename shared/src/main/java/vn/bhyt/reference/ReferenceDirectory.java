package vn.bhyt.reference;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reference tables read from a directory instead of the built-in ones, for an installation that
 * ships newer tables (configuration key {@code reference.dir}). Kept apart from {@link
 * ReferenceData}, which the pure rules use, so that they never reach the file system.
 */
public final class ReferenceDirectory {
  private ReferenceDirectory() {}

  /** The tables in a directory holding the same CSV files as the built-in ones. */
  public static ReferenceData load(Path dir) {
    return ReferenceData.load(
        name -> {
          try {
            return new InputStreamReader(
                Files.newInputStream(dir.resolve(name)), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}
