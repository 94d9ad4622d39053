"""Twin history over the query API's SQL endpoint, for the notebooks in this folder.

Standard library (urllib) plus pandas only, so a stock Debian Python runs it. Configuration comes from
the environment:

    TWIN_API        base URL of the query API (default http://127.0.0.1:8000)
    TWIN_TOKEN      a bearer token; when unset, TWIN_USER / TWIN_PASSWORD log in for one
    TWIN_USER       account name (default admin)
    TWIN_PASSWORD   its password; when unset, read from TWIN_PASSWORD_FILE
                    (default data/secrets/admin-password, where the embedded stack keeps it)
"""

import json
import os
import urllib.error
import urllib.request

import pandas as pd

DEFAULT_API = "http://127.0.0.1:8000"
DEFAULT_PASSWORD_FILE = os.path.join("..", "data", "secrets", "admin-password")
# Columns holding instants or dates: parsed into pandas timestamps (UTC) on arrival.
TIME_COLUMNS = {"ts", "start_ts", "end_ts", "day", "hour", "first_ts", "last_ts", "detected_ts"}


class SqlError(RuntimeError):
    """The endpoint refused a query or could not be reached; the message carries its answer."""


class TwinSql:
    def __init__(self, base_url, token, page_size=5000, timeout=120):
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.page_size = page_size
        self.timeout = timeout

    @classmethod
    def from_env(cls, env=None):
        env = os.environ if env is None else env
        base = env.get("TWIN_API") or DEFAULT_API
        token = env.get("TWIN_TOKEN")
        if not token:
            user = env.get("TWIN_USER") or "admin"
            password = env.get("TWIN_PASSWORD") or _read_password(env)
            token = login(base, user, password)
        return cls(base, token)

    def query(self, sql, limit=None):
        """The rows of {sql} as a DataFrame, in one request.

        Raises SqlError when the server cut the answer short (more rows than {limit} or its own cap):
        a silently truncated table would make every figure computed from it wrong. Use query_all then.
        """
        body = {"sql": sql}
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


def _read_password(env):
    path = env.get("TWIN_PASSWORD_FILE") or DEFAULT_PASSWORD_FILE
    try:
        with open(path, encoding="utf-8") as f:
            return f.read().strip()
    except OSError as e:
        raise SqlError(f"no TWIN_TOKEN or TWIN_PASSWORD, and cannot read {path}: {e}") from e


def _post(url, body, token, timeout):
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    request = urllib.request.Request(url, data=json.dumps(body).encode("utf-8"), headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as e:
        detail = e.read().decode("utf-8", errors="replace")
        raise SqlError(f"{url} answered {e.code}: {detail}") from None
    except urllib.error.URLError as e:
        raise SqlError(f"cannot reach {url}: {e.reason}") from None
