"""A small client for Kolada's open API (v3): paging, id lists split to
what a URL may carry, retries that honour Retry-After, and Swedish errors."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import httpx

DEFAULT_API = "https://api.kolada.se/v3"
# The API answers 422 above it.
PER_PAGE = 5000
# About what one path segment may list before the URL is refused.
IDS_PER_SEGMENT = 25
# Kolada publishes no rate limit: a few requests a second is polite.
MIN_INTERVAL = 0.25
# A Retry-After longer than this is not waited out: the user is told instead.
MAX_WAIT = 60.0
_RETRIED = {429, 500, 502, 503, 504}


class KoladaError(Exception):
    """Kolada answered with something rt cannot use; the message is Swedish."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class KoladaUnreachable(KoladaError):
    """No answer at all: offline, a wrong --api or a timeout every time."""


@dataclass(frozen=True)
class DataPoint:
    """One year's total (gender T) for one kommun or group. ``value`` None
    is Kolada's "no value"; ``count`` is how many members a group's mean has."""

    kpi: str
    municipality: str
    year: int
    value: float | None
    count: int | None
    url: str


def chunks(ids: Iterable[str], size: int = IDS_PER_SEGMENT) -> Iterator[list[str]]:
    ids = list(dict.fromkeys(ids))
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


class Client:
    """Talks to one Kolada API. ``base_url`` is configurable so the same code
    is tested against a local server; ``sleep`` and ``on_request`` let tests
    and the progress bar see the waits and the requests."""

    def __init__(self, base_url: str | None = None, *, timeout: float = 20.0, retries: int = 4,
                 backoff: float = 1.0, min_interval: float = MIN_INTERVAL,
                 sleep: Callable[[float], None] = time.sleep,
                 on_request: Callable[[str], None] | None = None) -> None:
        self.base_url = (base_url or DEFAULT_API).rstrip("/")
        self.retries = retries
        self.backoff = backoff
        self.min_interval = min_interval
        self.sleep = sleep
        self.on_request = on_request
        self._last = 0.0
        self._http = httpx.Client(timeout=timeout, headers={"Accept": "application/json"},
                                  follow_redirects=True)

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # Metadata ---------------------------------------------------------------

    def search_kpis(self, title: str) -> list[dict]:
        return list(self._pages("/kpi", {"title": title}))

    def kpis(self, ids: Iterable[str]) -> list[dict]:
        return [row for part in chunks(ids) for row in self._pages(f"/kpi/{','.join(part)}")]

    # Data -------------------------------------------------------------------

    def data(self, kpi: str, municipalities: Iterable[str] | None, years: Iterable[int]) -> list[DataPoint]:
        """Totals for the KPI by kommun (or group) and year; ``municipalities``
        None: every kommun and region Kolada has."""
        year_parts = list(chunks(str(y) for y in years))
        places = list(chunks(municipalities)) if municipalities is not None else [None]
        points = []
        for place in places:
            for part in year_parts:
                path = f"/data/kpi/{kpi}" + (f"/municipality/{','.join(place)}" if place else "") + \
                       f"/year/{','.join(part)}"
                points.extend(p for row in self._pages(path) for p in _points(row, self._url(path)))
        return points

    # Transport --------------------------------------------------------------

    def _url(self, path: str) -> str:
        return f"{self.base_url}{path}"

    def _pages(self, path: str, params: dict | None = None) -> Iterator[dict]:
        url: str | None = self._url(path)
        query = {**(params or {}), "per_page": PER_PAGE}
        seen = set()
        while url and url not in seen:
            seen.add(url)
            body = self._get(url, query)
            values = body.get("values")
            if not isinstance(values, list):
                raise KoladaError(f"Kolada svarade utan \"values\" på {url}.",
                                  "Kontrollera att --api pekar på Kolada:s API version 3.")
            yield from (v for v in values if isinstance(v, dict))
            following = body.get("next_url")
            # next_url carries its own query; joined, so a relative one works too.
            url, query = (str(httpx.URL(url).join(following)) if isinstance(following, str) and following else None), None

    def _get(self, url: str, params: dict | None) -> dict:
        for attempt in range(self.retries + 1):
            self._pace()
            if self.on_request:
                self.on_request(url)
            try:
                response = self._http.get(url, params=params)
            except httpx.TimeoutException:
                if attempt == self.retries:
                    raise KoladaUnreachable(f"Kolada svarade inte i tid ({url}).",
                                            "Försök igen senare, eller kontrollera nätverket.") from None
                self.sleep(self.backoff * 2 ** attempt)
                continue
            except httpx.TransportError:
                raise KoladaUnreachable(f"Kolada går inte att nå ({_host(url)}).",
                                        "Kontrollera nätverket, eller ange en annan adress med --api. "
                                        "Redan hämtade värden i kolada/ gäller tills vidare.") from None
            if response.status_code in _RETRIED and attempt < self.retries:
                wait = _retry_after(response) if response.status_code == 429 else None
                if wait is not None and wait > MAX_WAIT:
                    break
                self.sleep(wait if wait is not None else self.backoff * 2 ** attempt)
                continue
            if response.status_code != 200:
                raise KoladaError(f"Kolada svarade {response.status_code} på {url}.",
                                  "Kontrollera nyckeltalets id och --api, eller försök igen senare."
                                  if response.status_code < 500 or response.status_code == 429 else
                                  "Felet ligger hos Kolada: försök igen senare.")
            try:
                body = response.json()
            except ValueError:
                raise KoladaError(f"Kolada svarade med något som inte är JSON på {url}.",
                                  "Försök igen senare; kvarstår det, kontrollera att --api pekar på "
                                  "Kolada:s API version 3.") from None
            if not isinstance(body, dict):
                raise KoladaError(f"Kolada svarade med JSON av oväntad form på {url}.",
                                  "Kontrollera att --api pekar på Kolada:s API version 3.")
            return body
        raise KoladaError(f"Kolada ber rt vänta längre än {MAX_WAIT:.0f} sekunder ({url}).",
                          "Försök igen senare.")

    def _pace(self) -> None:
        wait = self._last + self.min_interval - time.monotonic()
        if wait > 0:
            self.sleep(wait)
        self._last = time.monotonic()


def _retry_after(response: httpx.Response) -> float | None:
    try:
        return max(float(response.headers.get("Retry-After", "")), 0.0)
    except ValueError:
        return None  # an HTTP date or nothing: back off as for a 5xx


def _host(url: str) -> str:
    return httpx.URL(url).host or url


def _points(row: dict, url: str) -> Iterator[DataPoint]:
    """A data row's total; a row without one, or with a deleted one, is no value."""
    try:
        year = int(row["period"])
        kpi, municipality = str(row["kpi"]), str(row["municipality"])
    except (KeyError, TypeError, ValueError):
        raise KoladaError(f"Kolada svarade med en rad utan nyckeltal, kommun eller år på {url}.",
                          "Kontrollera att --api pekar på Kolada:s API version 3.") from None
    total = next((v for v in row.get("values") or [] if isinstance(v, dict) and v.get("gender") == "T"), None)
    if total is None:
        return
    value = total.get("value")
    if total.get("isdeleted") or not isinstance(value, (int, float)) or isinstance(value, bool):
        value = None
    count = total.get("count")
    yield DataPoint(kpi, municipality, year, None if value is None else float(value),
                    count if isinstance(count, int) and not isinstance(count, bool) else None, url)
