package ai.digitaltwin.reliability;

import java.util.List;

/** One part of the suite. It runs against what {@link SuiteContext} gives it and reports one or more rows. */
public interface Scenario {
  String name();

  List<Outcome> run(SuiteContext context) throws Exception;
}
