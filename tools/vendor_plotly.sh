#!/bin/sh
# Rebuild dashboard/vendor/plotly-scatter-heatmap.min.js: plotly.js with the trace types the dashboard
# draws only (scatter, in plotly.js's core, and heatmap), at the version the installed plotly package
# was built for. Run after upgrading plotly; needs node and npm (about 70 MB downloaded into a temporary
# folder, removed after). Usage: tools/vendor_plotly.sh [PYTHON]
#
# plotly.js's own recipe for a partial bundle (its CUSTOM_BUNDLE.md) from the npm package's sources:
# esbuild with the options of its esbuild-config.js, minified. The dist bundles' next smallest with a
# heatmap, plotly.js-cartesian-dist-min, also registers nine trace types the dashboard never draws:
# 30% more to download and compile, and three times as long to run in the browser before any chart.
set -eu
PYTHON=${1:-.venv/bin/python}
case $PYTHON in /*) ;; */*) PYTHON="$PWD/$PYTHON" ;; esac  # still found once the script has moved
VERSION=$("$PYTHON" -c "from plotly.offline import get_plotlyjs_version; print(get_plotlyjs_version())")
TRACES="heatmap"  # besides scatter, which plotly.js's core holds
HERE=$(cd "$(dirname "$0")/.." && pwd)
OUT="$HERE/dashboard/vendor/plotly-scatter-heatmap.min.js"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cd "$TMP"
npm pack --silent "plotly.js@$VERSION" >/dev/null && tar xzf ./plotly.js-*.tgz
# esbuild at the version plotly.js builds with, in a folder of its own (not among plotly.js's packages).
ESBUILD=$(node -p "require('./package/package.json').devDependencies.esbuild")
mkdir tools && (cd tools && npm install --silent --no-save --no-audit --no-fund --ignore-scripts "esbuild@$ESBUILD" >/dev/null)
cd package
npm install --silent --omit=dev --ignore-scripts --no-audit --no-fund >/dev/null
{
    echo "'use strict';"
    echo "var Plotly = require('./core');"
    echo "Plotly.register(["
    for trace in $TRACES; do echo "    require('./$trace'),"; done
    echo "]);"
    echo "module.exports = Plotly;"
} > lib/index-dashboard.js
"$TMP/tools/node_modules/.bin/esbuild" lib/index-dashboard.js --bundle --minify --format=iife --global-name=Plotly \
    --target=es2016 --define:global=window --define:define.amd=false --define:process.env.NODE_DEBUG=false \
    --alias:regl=@plotly/regl --alias:stream=stream-browserify --loader:.css=empty --legal-comments=eof \
    --log-level=warning --outfile="$TMP/bundle.js"
# The first line asks V8 to compile every function while the file downloads (a compile hint, see
# dashboard/vendor/__init__.py) instead of each on its first call; then plotly.js's own header.
{
    echo "//# allFunctionsCalledOnLoad"
    sed -n '1,/^\*\//p' dist/plotly.min.js | sed "s/^\* plotly.js v/* plotly.js (scatter, $TRACES - minified) v/"
    cat "$TMP/bundle.js"
} > "$OUT"
# Colours parsed once per string, not once per point (see the script).
"$PYTHON" "$HERE/tools/memo_plotly_colours.py" "$OUT"
sed -i "s/^__version__ = .*/__version__ = \"$VERSION\"/" "$HERE/dashboard/vendor/__init__.py"
echo "$OUT is now plotly.js $VERSION (scatter, $TRACES)"
