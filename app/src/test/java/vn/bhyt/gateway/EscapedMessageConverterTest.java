package vn.bhyt.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EscapedMessageConverterTest {
  @Test
  void controlCharactersAreEscapedAndPlainTextIsLeftAlone() {
    assertThat(EscapedMessageConverter.escape("unknown field 'a'")).isEqualTo("unknown field 'a'");
    assertThat(EscapedMessageConverter.escape("a\nb\rc\td\\e\u0000f\u2028g\u001b"))
        .isEqualTo("a\\nb\\rc\\td\\\\e\\u0000f\\u2028g\\u001b");
  }

  /** The gateway's configurations: a forged line stays inside the event's one line. */
  @ParameterizedTest
  @ValueSource(strings = {"config/logback.xml", "app/src/main/resources/logback.xml"})
  void theShippedConfigurationsWriteEveryEventOnOneLine(String file) throws Exception {
    LoggerContext context = new LoggerContext();
    JoranConfigurator joran = new JoranConfigurator();
    joran.setContext(context);
    joran.doConfigure(TableOwnershipTest.ROOT.resolve(Path.of(file)).toFile());
    PatternLayout layout = new PatternLayout();
    layout.setContext(context);
    layout.setPattern("%level %msg%n");
    layout.start();
    LoggingEvent event =
        new LoggingEvent(
            "test",
            context.getLogger("vn.bhyt.test"),
            Level.WARN,
            "request r1 answered 400: unknown field '{}'",
            null,
            new Object[] {"x\n12:00:00.000 ERROR forged"});
    String written = layout.doLayout(event);
    context.stop();
    assertThat(written.lines()).hasSize(1);
    assertThat(written).contains("unknown field 'x\\n12:00:00.000 ERROR forged'");
  }
}
