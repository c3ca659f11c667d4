"""Build hook: a wheel carries the top-level data folders inside the package.

Everything else about the build is declared in pyproject.toml. ``sql/``, ``expectations/`` and ``seeds/`` stay
top-level in the repository (where readers look for them) and are copied to ``corroborate/_bundled/`` in the
built package, where :func:`corroborate.resources.project_dir` finds them. An editable install reads the
checkout's folders directly and copies nothing.
"""

from __future__ import annotations

import os

from setuptools import setup
from setuptools.command.build_py import build_py

BUNDLED_DIRS = ("sql", "expectations", "seeds")


class BuildPyWithProjectData(build_py):
    """``build_py`` that also copies the top-level data folders into the built package."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        here = os.path.dirname(os.path.abspath(__file__))
        for name in BUNDLED_DIRS:
            self.copy_tree(os.path.join(here, name), os.path.join(self.build_lib, "corroborate", "_bundled", name))


setup(cmdclass={"build_py": BuildPyWithProjectData})
