"""The downloader against a local mirror: progress, cancel, mismatch, 404, truncation,
timeouts; nothing but a verified file ever lands in the cache."""

from __future__ import annotations

import hashlib
import socket

import pytest
from local_mirror import LocalMirror

from neurongui.downloads import (
    DownloadCancelled,
    DownloadError,
    RemoteFile,
    download_files,
    is_cached,
)
from neurongui.i18n import error_text

BIG = bytes(range(256)) * 1024  # 256 KiB: four chunks
SMALL = b"labels" * 10


@pytest.fixture
def mirror(monkeypatch):
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    server = LocalMirror().start()
    yield server
    server.stop()


def test_files_arrive_with_progress_to_the_end(mirror, tmp_path):
    files = [mirror.serve("a.gz", BIG), mirror.serve("b.gz", SMALL)]
    seen = []
    paths = download_files(tmp_path, files, [mirror.url], progress=seen.append)
    assert [p.read_bytes() for p in paths] == [BIG, SMALL]
    assert is_cached(tmp_path, files)
    total = len(BIG) + len(SMALL)
    assert seen[-1].done == seen[-1].total == total
    assert [p.done for p in seen] == sorted(p.done for p in seen)  # never goes back
    assert {p.index for p in seen} == {0, 1} and seen[0].count == 2
    assert any(0 < p.done < len(BIG) for p in seen)  # chunks, not one jump
    assert sorted(f.name for f in tmp_path.iterdir()) == ["a.gz", "b.gz"]  # no temporaries


def test_cached_files_are_not_fetched_again(mirror, tmp_path):
    files = [mirror.serve("a.gz", BIG)]
    download_files(tmp_path, files, [mirror.url])
    mirror.requests.clear()
    download_files(tmp_path, files, [mirror.url])
    assert mirror.requests == []


def test_cancel_mid_file_leaves_the_cache_empty(mirror, tmp_path):
    files = [mirror.serve("a.gz", BIG)]
    seen = []
    with pytest.raises(DownloadCancelled):
        download_files(
            tmp_path, files, [mirror.url], progress=seen.append, cancelled=lambda: bool(seen)
        )
    assert len(seen) == 1 and seen[0].done < len(BIG)
    assert list(tmp_path.iterdir()) == []
    assert not is_cached(tmp_path, files)


def test_an_altered_file_never_lands(mirror, tmp_path):
    real = RemoteFile("a.gz", len(BIG), hashlib.sha256(b"the real one").hexdigest())
    mirror.serve("a.gz", BIG)
    with pytest.raises(DownloadError) as caught:
        download_files(tmp_path, [real], [mirror.url])
    text = error_text(caught.value)
    assert "the file that arrived is not MNIST's" in text
    assert hashlib.sha256(BIG).hexdigest() in text and real.sha256 in text
    assert list(tmp_path.iterdir()) == []


def test_a_server_offering_another_size_is_refused_before_downloading(mirror, tmp_path):
    served = mirror.serve("a.gz", BIG)
    with pytest.raises(DownloadError) as caught:
        download_files(tmp_path, [RemoteFile("a.gz", 1000, served.sha256)], [mirror.url])
    assert "the server offers 262,144 bytes, but MNIST's file has 1,000" in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_404_says_so_and_the_next_mirror_is_tried(mirror, tmp_path):
    files = [mirror.serve("a.gz", BIG)]
    missing = mirror.url.replace("/mnist/", "/gone/")
    mirror.routes["a.gz"].status = 404
    with pytest.raises(DownloadError) as caught:
        download_files(tmp_path, files, [mirror.url])
    assert str(caught.value) == "127.0.0.1 answered HTTP 404 (the file is not there)"
    assert list(tmp_path.iterdir()) == []
    # The first mirror lacks the file, the second has it.
    mirror.routes["a.gz"].status = 200
    mirror.requests.clear()
    paths = download_files(tmp_path, files, [missing, mirror.url])
    assert paths[0].read_bytes() == BIG
    assert mirror.requests == ["/gone/a.gz", "/mnist/a.gz"]


def test_a_truncated_body_never_lands(mirror, tmp_path):
    mirror.serve("a.gz", BIG[:1000], length=len(BIG))
    files = [RemoteFile("a.gz", len(BIG), hashlib.sha256(BIG).hexdigest())]
    with pytest.raises(DownloadError) as caught:
        download_files(tmp_path, files, [mirror.url])
    assert str(caught.value) == (
        "a.gz: the download stopped after 1,000 of 262,144 bytes (the connection was cut)"
    )
    assert list(tmp_path.iterdir()) == []


def test_a_silent_server_times_out(mirror, tmp_path):
    files = [mirror.serve("a.gz", SMALL, stall=True)]
    with pytest.raises(DownloadError) as caught:
        download_files(tmp_path, files, [mirror.url], timeout=0.2)
    assert str(caught.value) == "127.0.0.1 did not answer within 0.2 seconds"
    assert list(tmp_path.iterdir()) == []


def test_offline_and_refused_connections_are_explained(tmp_path, monkeypatch):
    monkeypatch.delenv("http_proxy", raising=False)

    def offline(*args, **kwargs):  # what the resolver says without a network
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    files = [RemoteFile("a.gz", 1, "0" * 64)]
    monkeypatch.setattr(socket, "getaddrinfo", offline)
    with pytest.raises(DownloadError) as caught:
        download_files(tmp_path, files, ["http://no-such-host.invalid/"])
    assert "cannot find no-such-host.invalid: the name is not known" in str(caught.value)
    monkeypatch.undo()
    server = LocalMirror().start()
    url = server.url
    server.stop()  # nothing listens on that port any more
    with pytest.raises(DownloadError) as caught:
        download_files(tmp_path, files, [url])
    assert str(caught.value) == "127.0.0.1 refused the connection"


def test_a_proxy_asking_for_a_password_is_explained(mirror, tmp_path, monkeypatch):
    files = [mirror.serve("a.gz", SMALL, status=407)]
    with pytest.raises(DownloadError) as caught:
        download_files(tmp_path, files, [mirror.url])
    assert str(caught.value).startswith("the proxy refused the connection (407")


def test_a_cache_that_cannot_be_written_is_explained(mirror, tmp_path):
    files = [mirror.serve("a.gz", SMALL)]
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(DownloadError) as caught:
        download_files(blocker / "mnist", files, [mirror.url])
    assert str(caught.value).startswith(f"cannot write into the data folder {blocker / 'mnist'}")
