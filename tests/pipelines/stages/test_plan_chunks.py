import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.stages.plan_chunks import Chunk, plan_chunks


def check_plan(path, data: bytes, target: int) -> list[Chunk]:
    chunks = plan_chunks(path, target)
    assert chunks[0].start == 0 and chunks[-1].end == len(data)
    for a, b in itertools.pairwise(chunks):
        assert a.end == b.start and data[a.end - 1 : a.end] == b"\n"
        assert b.first_line == a.first_line + data[a.start : a.end].count(b"\n")
    assert [c.index for c in chunks] == list(range(len(chunks)))
    return chunks


def test_gives_one_empty_chunk_when_file_is_empty(tmp_path):
    path = tmp_path / "e.jsonl"
    path.write_bytes(b"")
    assert plan_chunks(path, 1024) == [Chunk(0, 0, 0, 1)]


def test_cuts_after_target_at_line_end_when_file_is_larger(tmp_path):
    data = b"".join(b'{"text": "%d"}\n' % i for i in range(100))
    path = tmp_path / "d.jsonl"
    path.write_bytes(data)
    chunks = check_plan(path, data, 100)
    assert len(chunks) > 5
    assert chunks[3].first_line == 1 + data[: chunks[3].start].count(b"\n")


def test_keeps_one_chunk_when_line_is_longer_than_target(tmp_path):
    data = b"x" * 1000 + b"\n" + b"y" * 10
    path = tmp_path / "l.jsonl"
    path.write_bytes(data)
    chunks = check_plan(path, data, 10)
    assert [(c.start, c.end, c.first_line) for c in chunks] == [(0, 1001, 1), (1001, 1011, 2)]


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=3000), target=st.integers(1, 500))
def test_covers_every_byte_in_order_when_bytes_are_arbitrary(tmp_path_factory, data, target):
    path = tmp_path_factory.mktemp("c") / "a.jsonl"
    path.write_bytes(data)
    check_plan(path, data, target)


@settings(max_examples=200, deadline=None)
@given(
    lines=st.lists(st.binary(max_size=40).map(lambda b: b.replace(b"\n", b"")), max_size=30),
    crlf=st.booleans(),
    bom=st.booleans(),
    final_newline=st.booleans(),
    target=st.integers(1, 200),
)
def test_reading_chunks_gives_same_lines_when_read_in_pieces(tmp_path_factory, lines, crlf, bom, final_newline, target):
    from pipelines.stages.load_jsonl import iter_lines

    sep = b"\r\n" if crlf else b"\n"
    data = (b"\xef\xbb\xbf" if bom else b"") + sep.join(lines) + (sep if final_newline and lines else b"")
    path = tmp_path_factory.mktemp("r") / "a.jsonl"
    path.write_bytes(data)
    whole = list(iter_lines(path))
    pieces = [line for c in plan_chunks(path, target)
              for line in iter_lines(path, start=c.start, end=c.end, first_line=c.first_line)]
    assert pieces == whole


def test_sizes_chunks_between_bounds_when_automatic():
    from pipelines.stages.plan_chunks import MAX_AUTO_CHUNK_BYTES, MIN_AUTO_CHUNK_BYTES, auto_chunk_bytes

    assert auto_chunk_bytes(0) == MIN_AUTO_CHUNK_BYTES
    assert auto_chunk_bytes(32 * 2**20) == 2**20
    assert auto_chunk_bytes(50 * 2**30) == MAX_AUTO_CHUNK_BYTES
