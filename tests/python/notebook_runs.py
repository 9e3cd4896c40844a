"""Executes the tutorial notebooks once per test run with Debian's nbclient and keeps the executed copies.

Each notebook runs in the installed BigDL kernel (the kernelspec build.sh installs under JUPYTER_PATH), which resolves
`#r "nuget:BigDL"` from the freshly packed feed named in the kernelspec. Executed notebooks are written to
$BIGDL_ARTIFACTS/notebooks so a failing assertion can be inspected, and so the browser check can export them.
"""
import functools
import os
import pathlib

import nbformat
from nbclient import NotebookClient

ROOT = pathlib.Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
ARTIFACTS = pathlib.Path(os.environ.get("BIGDL_ARTIFACTS", ROOT / "artifacts")) / "notebooks"
KERNEL = os.environ.get("BIGDL_KERNEL_NAME", "bigdl-csharp")


@functools.lru_cache(maxsize=None)
def executed(name):
    """The notebook `name` (file name in notebooks/) after a full run; executed once per process."""
    notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
    client = NotebookClient(notebook, kernel_name=KERNEL, timeout=900, startup_timeout=120,
                            resources={"metadata": {"path": str(NOTEBOOKS)}})
    client.execute()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, ARTIFACTS / name)
    return notebook


def outputs(notebook):
    """Every output of every code cell, in order."""
    for cell in notebook.cells:
        if cell.cell_type == "code":
            yield from cell.get("outputs", [])


def texts(notebook, mime):
    """The `mime` representations among the outputs (stream text counts as text/plain)."""
    return texts_of(outputs(notebook), mime)


def cell_texts(notebook, source_start, mime):
    """The `mime` representations among the outputs of the one code cell whose source starts with `source_start`."""
    cells = [c for c in notebook.cells if c.cell_type == "code" and c.source.startswith(source_start)]
    if len(cells) != 1:
        raise AssertionError(f"{len(cells)} code cells start with {source_start!r}, expected one")
    return texts_of(cells[0].get("outputs", []), mime)


def texts_of(cell_outputs, mime):
    """The `mime` representations among `cell_outputs` (stream text counts as text/plain)."""
    for output in cell_outputs:
        if output.output_type == "stream" and mime == "text/plain":
            yield output.text
        elif "data" in output and mime in output.data:
            value = output.data[mime]
            yield value if isinstance(value, str) else str(value)
