/**
 * Debian's Python, by full path: the tests' Python tools (openpyxl, Locust, the golden
 * recomputation) are Debian packages that `.ci/run` installs with apt-get, and a `python3`
 * earlier on the PATH (pyenv, a virtualenv) would not have them.
 */
export const DEBIAN_PYTHON = "/usr/bin/python3";
