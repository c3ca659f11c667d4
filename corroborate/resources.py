"""Where the project's own data files are, in a checkout and in an installed wheel alike.

In a checkout the SQL models, the expectation suites and the sample articles are top-level folders
(``sql/``, ``expectations/``, ``seeds/``) beside the package. A wheel cannot hold top-level folders, so the
build copies them into the package as ``corroborate/_bundled/<name>`` (see ``setup.py``). :func:`project_dir`
answers with the copy when there is one, else with the checkout's folder: one lookup for every caller.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

__all__ = [
    "BUNDLED_DIRS",
    "CHECKOUT_ROOT",
    "DEFAULT_ALIAS_FILE",
    "DEFAULT_SEEDS_DIR",
    "DEFAULT_SUBJECT_FILE",
    "DEFAULT_SUITES_DIR",
    "PACKAGE_DIR",
    "project_dir",
]

# The package is installed as plain files (never zipped), so its resources are real paths.
PACKAGE_DIR = Path(str(files("corroborate")))
# The folder holding the package: the checkout in development, site-packages once installed from a wheel.
CHECKOUT_ROOT = PACKAGE_DIR.parent
# The top-level folders a wheel carries inside the package.
BUNDLED_DIRS = ("sql", "expectations", "seeds")
_BUNDLE = PACKAGE_DIR / "_bundled"


def project_dir(name: str) -> Path:
    """The folder ``name`` (one of :data:`BUNDLED_DIRS`): the wheel's copy if installed so, else the checkout's."""
    if name not in BUNDLED_DIRS:
        raise KeyError(f"{name!r} is not one of the project's data folders {BUNDLED_DIRS}")
    bundled = _BUNDLE / name
    return bundled if bundled.is_dir() else CHECKOUT_ROOT / name


# The lexicon files and the suites a run uses when none is given (their one definition; RunOptions and the
# stages that read them take them from here).
DEFAULT_SEEDS_DIR = project_dir("seeds")
DEFAULT_ALIAS_FILE = DEFAULT_SEEDS_DIR / "aliases.csv"
DEFAULT_SUBJECT_FILE = DEFAULT_SEEDS_DIR / "subjects.csv"
DEFAULT_SUITES_DIR = project_dir("expectations")
