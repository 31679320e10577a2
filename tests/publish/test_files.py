import os

import pytest

from handout.errors import HandoutError
from handout.publish.files import write_atomic


def test_write_atomic_replaces_whole_file_and_leaves_no_temp(tmp_path):
    target = tmp_path / "out" / "student" / "a.pdf"
    write_atomic(target, b"first")
    write_atomic(target, b"second")
    assert target.read_bytes() == b"second"
    assert sorted(os.listdir(target.parent)) == ["a.pdf"]


def test_output_folder_that_is_a_file_is_a_clear_error(tmp_path):
    (tmp_path / "out").write_text("not a folder")
    with pytest.raises(HandoutError, match="is a file, not a folder"):
        write_atomic(tmp_path / "out" / "student" / "a.pdf", b"x")


def test_failed_write_keeps_the_previous_file(tmp_path):
    target = tmp_path / "a.pdf"
    target.write_bytes(b"good")

    with pytest.raises(TypeError):
        write_atomic(target, object())  # type: ignore[arg-type]
    assert target.read_bytes() == b"good"
    assert sorted(os.listdir(tmp_path)) == ["a.pdf"]
