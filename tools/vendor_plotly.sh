#!/bin/sh
# Refresh dashboard/vendor/plotly-cartesian.min.js to the plotly.js version the installed plotly
# package was built for (run after upgrading plotly; needs npm). Usage: tools/vendor_plotly.sh [PYTHON]
set -eu
PYTHON=${1:-.venv/bin/python}
VERSION=$("$PYTHON" -c "from plotly.offline import get_plotlyjs_version; print(get_plotlyjs_version())")
HERE=$(cd "$(dirname "$0")/.." && pwd)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
(cd "$TMP" && npm pack --silent "plotly.js-cartesian-dist-min@$VERSION" >/dev/null && tar xzf ./*.tgz)
# The first line asks V8 to compile every function while the file downloads (a compile hint, see
# dashboard/vendor/__init__.py) instead of each on its first call.
{ echo "//# allFunctionsCalledOnLoad"; cat "$TMP/package/plotly-cartesian.min.js"; } > "$HERE/dashboard/vendor/plotly-cartesian.min.js"
sed -i "s/^__version__ = .*/__version__ = \"$VERSION\"/" "$HERE/dashboard/vendor/__init__.py"
echo "dashboard/vendor/plotly-cartesian.min.js is now plotly.js $VERSION"
