"""Teach the vendored plotly.js to remember the colours it has parsed (tools/vendor_plotly.sh runs this).

plotly.js 3+ parses colours with culori: every string is tokenised and tried against each colour
syntax in turn. It styles every point of a chart one by one, twice a drawing (as it draws them,
then as it styles the traces), and parses the point's fill and outline colours each time, twice
(once for the colour, once for its opacity): a fifth of the draw of the dashboard's timeline, whose
few colours are the same strings thousands of times. Two functions of its colour module become
memoised by their string argument:

- the parser (``parse(c)``: a trimmed, lower-cased string to a culori colour object, or undefined):
  a copy of the object kept for the string, since its callers set fields on what they get;
- ``Color.rgb(c)`` (the colour as an ``rgb(...)`` string, opacity dropped): the string kept.

Both are pure functions of the string, and each memo holds at most MEMO_SIZE colours (a chart has
a few dozen). The patch works on the minified bundle (names are the minifier's) by the shape of the
two functions, and stops with an error when either is not found exactly once (a new plotly.js
version: look at src/components/color/index.js and adapt the patterns).

Usage: python tools/memo_plotly_colours.py dashboard/vendor/plotly-scatter-heatmap.min.js
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

MEMO_SIZE = 4096
MARK = "/*memo-colours*/"
# parse = e => { if (typeof e != "string") return; let t = e.trim().toLowerCase(); if (!/^[0-9a-f]+$/.test(t)) try { return rgb(t) } catch (r) { return } }
PARSE = re.compile(r'(?P<name>[\w$]+)=e=>\{if\(typeof e!="string"\)return;let t=e\.trim\(\)\.toLowerCase\(\);'
                   r'if\(!/\^\[0-9a-f\]\+\$/\.test\(t\)\)try\{return (?P<rgb>[\w$]+)\(t\)\}catch\(r\)\{return\}\}')
# Color.rgb = e => formatRgb(assign(assign({}, toColour(e)), {alpha: 1}))
RGB = re.compile(r'(?P<name>[\w$]+)=e=>(?P<body>[\w$]+\([\w$]+\([\w$]+\(\{\},[\w$]+\(e\)\),\{alpha:1\}\)\))(?=[,;])')


def memoised(source: str) -> str:
    """The bundle with both functions memoised (unchanged when it already is)."""
    if MARK in source:
        return source
    for pattern in (PARSE, RGB):
        found = len(pattern.findall(source))
        if found != 1:
            raise SystemExit(f"plotly.js colour memo: {found} matches of {pattern.pattern[:60]}..., expected 1")

    def parse(m: re.Match) -> str:
        compute = ('let t=e.trim().toLowerCase();if(!/^[0-9a-f]+$/.test(t))try{return ' + m["rgb"] + '(t)}catch(r){return}')
        return (f'{m["name"]}={MARK}(m=>e=>{{if(typeof e!="string")return;let c=m.get(e);'
                f'if(c===void 0&&!m.has(e)){{c=(()=>{{{compute}}})();m.size<{MEMO_SIZE}&&m.set(e,c)}}'
                'return c&&Object.assign({},c)})(new Map)')

    def rgb(m: re.Match) -> str:
        return (f'{m["name"]}=(m=>e=>{{if(typeof e!="string")return {m["body"]};let c=m.get(e);'
                f'return c===void 0&&(c={m["body"]},m.size<{MEMO_SIZE}&&m.set(e,c)),c}})(new Map)')

    return RGB.sub(rgb, PARSE.sub(parse, source))



def main() -> None:
    path = Path(sys.argv[1])
    path.write_text(memoised(path.read_text(encoding="utf-8")), encoding="utf-8")


if __name__ == "__main__":
    main()
