#!/bin/sh
# Fails (and names the files) when a C or C++ source differs from the repository's
# .clang-format. Fix with: clang-format -i FILE...
set -eu
cd "$(dirname "$0")/.."
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    files=$(git ls-files '*.c' '*.cpp' '*.h' '*.hpp')
else
    files=$(find engine ui firmware tools tests bench -name '*.c' -o -name '*.cpp' -o -name '*.h' \
        -o -name '*.hpp')
fi
# shellcheck disable=SC2086 # one word per file name (the tree has no spaces in names)
clang-format --dry-run -Werror $files
echo "clang-format: $(echo "$files" | wc -l) files formatted"
