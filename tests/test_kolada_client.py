"""The Kolada client against a local server in Kolada's shapes: paging,
lists split at 25, no value, retries, timeouts and bad answers."""

from __future__ import annotations

import pytest

from roda_traden.kolada.client import Client, KoladaError, KoladaUnreachable
from tests.kolada_server import Answer, FakeKolada, kpi, page, row


@pytest.fixture
def kolada():
    server = FakeKolada()
    yield server
    server.close()


def _client(server: FakeKolada, **options) -> tuple[Client, list[float]]:
    waits: list[float] = []
    options = {"min_interval": 0, "backoff": 0.5, "sleep": waits.append, **options}
    return Client(server.url, **options), waits


def test_pages_are_followed_until_next_url_is_null(kolada):
    second = f"{kolada.url}/data/kpi/U21401/page2?page=2&per_page=5000"
    kolada.json("/data/kpi/U21401/municipality/0481/year/2020,2021,2022", [row("U21401", "0481", 2020, 11)], second)
    # A relative next_url is followed from where the page came from.
    kolada.json("/data/kpi/U21401/page2", [row("U21401", "0481", 2021, 24)], "/v3/data/kpi/U21401/page3?page=3")
    kolada.json("/data/kpi/U21401/page3", [row("U21401", "0481", 2022, 20)])
    client, _ = _client(kolada)
    points = client.data("U21401", ["0481"], [2020, 2021, 2022])
    assert [(p.year, p.value) for p in points] == [(2020, 11.0), (2021, 24.0), (2022, 20.0)]
    assert kolada.requests[0][1]["per_page"] == ["5000"]
    assert [query.get("page") for _path, query in kolada.requests[1:]] == [["2"], ["3"]]


def test_more_than_25_ids_are_split_into_requests_of_at_most_25(kolada):
    codes = [f"{n:04d}" for n in range(114, 114 + 30)]
    first, rest = ",".join(codes[:25]), ",".join(codes[25:])
    kolada.json(f"/data/kpi/U21468/municipality/{first}/year/2023", [row("U21468", c, 2023, 80) for c in codes[:25]])
    kolada.json(f"/data/kpi/U21468/municipality/{rest}/year/2023", [row("U21468", c, 2023, 90) for c in codes[25:]])
    client, _ = _client(kolada)
    points = client.data("U21468", codes, [2023])
    assert len(points) == 30
    assert all(len(path.rsplit("/municipality/")[1].split("/")[0].split(",")) <= 25 for path in kolada.paths())
    assert len(kolada.paths()) == 2


def test_a_null_value_and_an_absent_year_are_no_value_never_zero(kolada):
    kolada.json("/data/kpi/U21401/municipality/0481/year/2019,2020,2021",
                [row("U21401", "0481", 2019, 19), row("U21401", "0481", 2020, None)])
    client, _ = _client(kolada)
    points = {p.year: p.value for p in client.data("U21401", ["0481"], [2019, 2020, 2021])}
    assert points == {2019: 19.0, 2020: None}


def test_a_group_row_carries_how_many_members_contributed(kolada):
    kolada.json("/data/kpi/U21401/municipality/G37519/year/2022", [row("U21401", "G37519", 2022, 17.5, count=9)])
    client, _ = _client(kolada)
    [point] = client.data("U21401", ["G37519"], [2022])
    assert (point.value, point.count) == (17.5, 9)


def test_429_waits_as_long_as_retry_after_says(kolada):
    kolada.on("/kpi", Answer(429, {"error": "slow down"}, {"Retry-After": "3"}),
              Answer(body=page([kpi("U21401", "Personalkontinuitet")])))
    client, waits = _client(kolada)
    assert [k["id"] for k in client.search_kpis("kontinuitet")] == ["U21401"]
    assert waits == [3.0]
    assert kolada.requests[0][1]["title"] == ["kontinuitet"]


def test_a_500_is_retried_with_back_off_then_succeeds(kolada):
    kolada.on("/kpi/U21468", Answer(500, {}), Answer(503, {}), Answer(body=page([kpi("U21468", "Helhetssyn")])))
    client, waits = _client(kolada)
    assert [k["title"] for k in client.kpis(["U21468"])] == ["Helhetssyn"]
    assert waits == [0.5, 1.0]


def test_a_500_every_time_ends_in_a_swedish_error(kolada):
    kolada.on("/kpi/U21468", Answer(500, {}))
    client, waits = _client(kolada, retries=2)
    with pytest.raises(KoladaError, match="Kolada svarade 500") as error:
        client.kpis(["U21468"])
    assert "försök igen senare" in error.value.hint
    assert len(waits) == 2


def test_a_timeout_every_time_is_unreachable(kolada):
    kolada.on("/kpi/U21468", Answer(body=page([]), delay=1.0))
    client, waits = _client(kolada, timeout=0.1, retries=1)
    with pytest.raises(KoladaUnreachable, match="svarade inte i tid"):
        client.kpis(["U21468"])
    assert waits == [0.5]


def test_malformed_json_is_a_swedish_message(kolada):
    kolada.on("/kpi", Answer(body=b"<html>Underh\xc3\xa5ll</html>"))
    client, _ = _client(kolada)
    with pytest.raises(KoladaError, match="inte är JSON"):
        client.search_kpis("hemtjänst")


def test_no_server_is_unreachable():
    server = FakeKolada()
    url = server.url
    server.close()
    client = Client(url, min_interval=0, sleep=lambda _s: None)
    with pytest.raises(KoladaUnreachable, match="går inte att nå") as error:
        client.search_kpis("hemtjänst")
    assert "--api" in error.value.hint
