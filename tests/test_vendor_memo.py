"""The vendored plotly.js remembers the colours it has parsed (tools/memo_plotly_colours.py); the
browser tests check the colours it draws."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dashboard" / "vendor" / "plotly-scatter-heatmap.min.js"
# The two functions as plotly.js 4's minified bundle has them (names are the minifier's).
ORIGINAL = ('var a=1,F3=e=>{if(typeof e!="string")return;let t=e.trim().toLowerCase();'
            'if(!/^[0-9a-f]+$/.test(t))try{return N3(t)}catch(r){return}},Oa=2;'
            'var Pf=e=>xn(Cr(fr({},Pr(e)),{alpha:1})),xX=3;')


def _memo():
    spec = importlib.util.spec_from_file_location("memo_plotly_colours", ROOT / "tools" / "memo_plotly_colours.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_vendored_bundle_is_memoised_once():
    memo = _memo()
    bundle = BUNDLE.read_text(encoding="utf-8")
    assert bundle.startswith("//# allFunctionsCalledOnLoad\n")  # V8's compile hint stays first
    assert bundle.count(memo.MARK) == 1
    assert memo.memoised(bundle) == bundle  # run again (a rebuild's second pass) it changes nothing


def test_both_functions_become_memoised_by_their_string():
    memo = _memo()
    patched = memo.memoised(ORIGINAL)
    assert patched.startswith("var a=1,F3=" + memo.MARK + "(m=>e=>") and ",Oa=2;" in patched
    assert "var Pf=(m=>e=>" in patched and "xn(Cr(fr({},Pr(e)),{alpha:1}))" in patched and ",xX=3;" in patched
    assert patched.count("new Map") == 2


def test_another_plotly_version_is_refused_rather_than_patched_wrongly():
    with pytest.raises(SystemExit, match="colour memo"):
        _memo().memoised(ORIGINAL.replace("toLowerCase", "toUpperCase"))
