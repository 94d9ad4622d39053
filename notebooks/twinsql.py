"""Twin history over the query API's SQL endpoint, for the notebooks in this folder.

Standard library (urllib) plus pandas only, so a stock Debian Python runs it. Configuration comes from
the environment:

    TWIN_API        base URL of the query API (default http://127.0.0.1:$PORT, PORT default 8000,
                    as the embedded stack listens)
    TWIN_TOKEN      a bearer token; when unset, TWIN_USER / TWIN_PASSWORD log in for one
    TWIN_USER       account name (default admin)
    TWIN_PASSWORD   its password; when unset, read from TWIN_PASSWORD_FILE
    TWIN_PASSWORD_FILE  default $TWIN_DATA_DIR/secrets/admin-password, where the embedded stack keeps it
                    (TWIN_DATA_DIR default data; a relative one is taken from the project root, as ./twin does)

A running stack keeps committing while a notebook runs, so two queries a minute apart would see different
rows and every "SQL and pandas agree" check would fail on a live stack. TwinSql.from_env therefore pins
a horizon: every query sees each table only up to an hour of event time before the newest reading the
stream job had folded into twin state at the start, rows the job committed long before (see TwinSql.pin).
"""

import json
import os
import re
import urllib.error
import urllib.parse
import urllib.request

import pandas as pd

# the project root: ./twin runs the stack from there, so a relative TWIN_DATA_DIR is relative to it
PROJECT_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# Columns holding instants or dates: parsed into pandas timestamps (UTC) on arrival.
TIME_COLUMNS = {"ts", "start_ts", "end_ts", "day", "hour", "first_ts", "last_ts", "detected_ts", "day_start", "day_end"}
# The tables a horizon applies to, each with its event-time column (the registry has a rule of its own,
# see TwinSql._pinned).
PINNED = {"health_events": "ts", "behavior_events": "ts", "anomalies": "ts", "twin_state": "ts",
          "ground_truth": "start_ts"}
# How far behind the newest reading in twin state the horizon lies: every table the job writes (twin
# state and anomalies follow the watermark, minutes behind the readings) is complete up to there.
HORIZON_MARGIN = pd.Timedelta("1h")


class SqlError(RuntimeError):
    """The endpoint refused a query or could not be reached; the message carries its answer."""


class TwinSql:
    def __init__(self, base_url, token, page_size=5000, timeout=120):
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.page_size = page_size
        self.timeout = timeout
        self.horizon = None
        self.registry_through = None

    @classmethod
    def from_env(cls, env=None):
        env = os.environ if env is None else env
        base = env.get("TWIN_API") or default_api(env)
        token = env.get("TWIN_TOKEN")
        if not token:
            user = env.get("TWIN_USER") or "admin"
            password = env.get("TWIN_PASSWORD") or _read_password(env)
            token = login(base, user, password)
        sql = cls(base, token)
        sql.pin()
        return sql

    def pin(self, horizon=None):
        """From now on every query sees the tables only up to {horizon} (event time, inclusive).

        By default an hour before the newest reading that twin state has caught up with (the older of the
        newest reading and the newest snapshot): the rows before it were committed long ago, so the
        answers no longer change while the stack keeps writing. A first start's day of history is in the
        readings minutes before the job has folded all of it into twin state; a horizon set by the
        readings alone would show hours with readings and no state yet. None when there are no readings
        or no twin state yet.

        The registry is seen as it stood when pinned, except for changes to twins after the horizon: a
        twin created since is there (with no readings before the horizon, so the notebooks name it as too
        new), while a later edit or deletion of an older twin is not, so its history and its profile agree.
        """
        self.horizon = None
        self.registry_through = None
        if horizon is None:
            newest = self.scalar("""SELECT least((SELECT max(ts) FROM health_events),
                                                 (SELECT max(ts) FROM twin_state)) AS newest_ts""")
            if pd.isna(newest):
                return None
            horizon = newest - HORIZON_MARGIN
        self.registry_through = self.scalar("SELECT max(ts) AS newest_ts FROM twin_registry")
        self.horizon = pd.Timestamp(horizon).tz_convert("UTC") if pd.Timestamp(horizon).tzinfo else pd.Timestamp(horizon, tz="UTC")
        return self.horizon

    def query(self, sql, limit=None):
        """The rows of {sql} as a DataFrame, in one request.

        Raises SqlError when the server cut the answer short (more rows than {limit} or its own cap):
        a silently truncated table would make every figure computed from it wrong. Use query_all then.
        """
        body = {"sql": self._pinned(sql)}
        if limit is not None:
            body["limit"] = int(limit)
        answer = _post(self.base_url + "/api/v1/sql", body, self.token, self.timeout)
        if answer.get("truncated"):
            raise SqlError(f"answer truncated at {len(answer['rows'])} rows; use query_all for: {sql}")
        return frame(answer)

    def query_all(self, sql, order_by):
        """Every row of {sql}, fetched in pages of LIMIT/OFFSET over a total order {order_by}.

        The order must be total (e.g. ending in event_id), or pages could overlap or miss rows.
        """
        pages = []
        offset = 0
        while True:
            paged = (
                f"SELECT * FROM ({sql}) AS q ORDER BY {order_by} "
                f"LIMIT {self.page_size + 1} OFFSET {offset}"
            )
            page = self.query(paged, limit=self.page_size + 1)
            pages.append(page.iloc[: self.page_size])
            if len(page) <= self.page_size:
                break
            offset += self.page_size
        return pd.concat(pages, ignore_index=True)

    def _pinned(self, sql):
        """{sql} with each pinned table replaced by its rows up to the horizon (a CTE of the same name)."""
        if self.horizon is None:
            return sql
        at = self.horizon.isoformat()
        tables = [f"{table} AS (SELECT * FROM main.{table} WHERE {column} <= TIMESTAMPTZ '{at}')"
                  for table, column in PINNED.items()]
        through = at if pd.isna(self.registry_through) else max(self.horizon, self.registry_through).isoformat()
        tables.append("twin_registry AS (SELECT * FROM main.twin_registry WHERE ts <= TIMESTAMPTZ "
                      f"'{at}' OR (action = 'created' AND ts <= TIMESTAMPTZ '{through}'))")
        ctes = ", ".join(tables)
        text = sql.lstrip()
        if re.match(r"(?i)with\s", text):
            return f"WITH {ctes}, {text[4:].lstrip()}"
        return f"WITH {ctes} {text}"

    def daily(self, twin_id, start, end, source="auto"):
        """The twin's figures per local day, {start} to {end} (dates, end exclusive), as a DataFrame.

        From GET /api/v1/twins/{id}/health/daily: daily_summaries, the batch rollup's table, for the days
        it holds, the readings for the others (column source; source="raw" asks for the readings only).
        Not pinned to the horizon: ask for days that closed before it.
        """
        url = (f"{self.base_url}/api/v1/twins/{urllib.parse.quote(twin_id)}/health/daily?"
               + urllib.parse.urlencode({"from": str(start), "to": str(end), "source": source}))
        days = _get(url, self.token, self.timeout)["days"]
        columns = ["day", "day_start", "day_end", "source", "readings", "hr_mean", "hr_min", "hr_max", "resting_hr",
                   "spo2_mean", "systolic_mean", "temp_max", "steps", "sleep_hours"]
        return frame({"columns": columns, "rows": [[d.get(c) for c in columns] for d in days]})

    def scalar(self, sql):
        """The single value of a one-row, one-column query."""
        result = self.query(sql)
        if result.shape != (1, 1):
            raise SqlError(f"expected one value, got shape {result.shape} for: {sql}")
        return result.iat[0, 0]


def login(base_url, user, password):
    answer = _post(base_url.rstrip("/") + "/api/v1/auth/login", {"username": user, "password": password}, None, 30)
    token = answer.get("access_token") or answer.get("token")
    if not token:
        raise SqlError(f"login as {user} answered without a token: {answer}")
    return token


def frame(answer):
    """A {columns, rows} answer as a DataFrame, time columns parsed."""
    columns = [c["name"] if isinstance(c, dict) else c for c in answer["columns"]]
    df = pd.DataFrame(answer["rows"], columns=columns)
    for column in columns:
        if column in TIME_COLUMNS or column.endswith("_ts"):
            df[column] = pd.to_datetime(df[column], utc=True)
    return df


def default_api(env):
    """The embedded stack's API: loopback, on PORT (default 8000)."""
    return f"http://127.0.0.1:{env.get('PORT') or 8000}"


def password_file(env):
    """TWIN_PASSWORD_FILE, else the admin password the embedded stack generated under TWIN_DATA_DIR."""
    if env.get("TWIN_PASSWORD_FILE"):
        return env["TWIN_PASSWORD_FILE"]
    data_dir = os.path.join(PROJECT_ROOT, env.get("TWIN_DATA_DIR") or "data")  # an absolute one stays as it is
    return os.path.join(data_dir, "secrets", "admin-password")


def _read_password(env):
    path = password_file(env)
    try:
        with open(path, encoding="utf-8") as f:
            return f.read().strip()
    except OSError as e:
        raise SqlError(
            f"no TWIN_TOKEN or TWIN_PASSWORD, and cannot read {path}: {e.strerror}"
            " (set TWIN_DATA_DIR as for ./twin up, or TWIN_PASSWORD_FILE)") from None


def _get(url, token, timeout):
    request = urllib.request.Request(url, headers={"Accept": "application/json", "Authorization": "Bearer " + token})
    return _send(request, url, timeout)


def _post(url, body, token, timeout):
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    request = urllib.request.Request(url, data=json.dumps(body).encode("utf-8"), headers=headers, method="POST")
    return _send(request, url, timeout)


def _send(request, url, timeout):
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as e:
        detail = e.read().decode("utf-8", errors="replace")
        raise SqlError(f"{url} answered {e.code}: {detail}") from None
    except urllib.error.URLError as e:
        raise SqlError(f"cannot reach {url}: {e.reason}") from None
