package ai.digitaltwin.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ReliabilityOptionsTest {

  @Test
  void helpListsEveryOptionAndBadValuesExitWithTwo() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new ReliabilityMain());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));

    assertThat(cli.execute("--help")).isZero();
    assertThat(out.toString()).contains("--full", "--seed=N", "--only=SCENARIO", "--out=DIR", "default 7");

    assertThat(cli.execute("--seed", "x")).isEqualTo(2);
    assertThat(err.toString()).contains("Invalid value for option '--seed': 'x'");
    assertThat(cli.execute("--kill-everything")).isEqualTo(2);
    assertThat(err.toString()).contains("Unknown option: '--kill-everything'");
  }
}
