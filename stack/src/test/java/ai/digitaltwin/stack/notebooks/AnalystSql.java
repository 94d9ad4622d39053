package ai.digitaltwin.stack.notebooks;

import ai.digitaltwin.testkit.ApiClient;

/** The SQL endpoint as the notebooks see it: a login, then {@code POST /api/v1/sql} with the token. */
final class AnalystSql {
  private final ApiClient api;
  private final String token;

  private AnalystSql(ApiClient api, String token) {
    this.api = api;
    this.token = token;
  }

  static AnalystSql login(String base, String user, String password) {
    ApiClient api = new ApiClient(base);
    return new AnalystSql(api, api.login(user, password));
  }

  long count(String table) {
    return number("SELECT count(*) AS n FROM " + table);
  }

  /** The single number a query answers. */
  long number(String sql) {
    return api.sqlLong(token, sql);
  }
}
