"""Shared helpers of the pipeline tests: paths, source folder, CSV reading."""

import csv
import os
import sys

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PIPELINE = os.path.join(REPO, "tools", "model-pipeline")
sys.path.insert(0, PIPELINE)

import build_model  # noqa: E402

YEARS = (2007, 2012, 2017)
ENSEMBLE_FILES = ("ranges.csv", "ENSEMBLE.md")  # written by build_model.py --ensemble
SKIP = 77  # ctest SKIP_RETURN_CODE


def sources():
    """The source folder (CTRAIL_SOURCES or ../shared/data/sources), or None when absent."""
    folder = build_model.default_sources()
    return folder if os.path.isdir(folder) else None


def bundle(year):
    return os.path.join(REPO, "assets", "model", f"china-{year}")


def rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))
