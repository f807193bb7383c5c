"""Browser scripts served in place of heavier ones Dash would link.

plotly.js (npm: plotly.js, MIT licence) with the trace types the dashboard draws only, scatter and
heatmap, built by tools/vendor_plotly.sh with plotly.js's own recipe for a partial bundle; served to
the browser instead of the full bundle the plotly package ships.

Nothing is drawn until plotly.js has run. The full bundle (4.8 MB) takes the browser about three
times as long to parse and run as plotly's cartesian one (1.5 MB), which registers nine trace types the
dashboard never draws; this one (1.1 MB) runs in a third of the cartesian one's time (its first chart
about a second sooner on a loaded machine). Its first line, ``//# allFunctionsCalledOnLoad`` (added by tools/vendor_plotly.sh), is V8's compile
hint: Chromium compiles all its functions on a background thread as it downloads, rather than each on
the main thread at its first call (at 1M observations: the first chart drawn in 0.8 s instead of 1.4 s,
and the bundle run 10% sooner, on a loaded machine). dashboard/server.py links it only when its
version is the one plotly's Python package was built for (else the full bundle, as before);
tools/vendor_plotly.sh refreshes it after a plotly upgrade. Its colour parser and Color.rgb remember
the strings they have seen (tools/memo_plotly_colours.py): plotly.js parsed each point's colours
anew, four to eight times a point and drawing, a fifth of the timeline's draw.

regenerator-runtime.js (npm: regenerator-runtime 0.14.1, MIT licence) replaces Babel's polyfill
(core-js 2 and this runtime), which Dash links for old browsers: every browser the dashboard supports
has what core-js adds, and its 100 KB cost a third of a second of start-up on a busy machine, while
Dash's scripts need only the runtime (the global ``regeneratorRuntime``).
"""

# The plotly.js version of the bundle (its first comment says it too); Dash fingerprints
# the file's URL with it.
__version__ = "4.1.1"
BUNDLE = "plotly-scatter-heatmap.min.js"
REGENERATOR = "regenerator-runtime.js"
