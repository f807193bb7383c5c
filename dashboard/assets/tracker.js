// Clientside callbacks of the dashboard (see dashboard/pages/article.py).
window.dash_clientside = Object.assign({}, window.dash_clientside, {
    tracker: {
        // Bring the highlighted sentence of an article into view once its text is rendered.
        scrollToSelected: function (children) {
            setTimeout(function () {
                var el = document.querySelector('.sentence-span.selected');
                if (el) {
                    el.scrollIntoView({block: 'center', behavior: 'auto'});
                    el.setAttribute('tabindex', '-1');
                    el.focus({preventScroll: true});
                }
            }, 30);
            return window.dash_clientside.no_update;
        },
        // After a click on the chart: scroll the sentences behind the point into view (the hint does not move the page).
        showSentences: function (children) {
            setTimeout(function () {
                var head = document.querySelector('#sentences .sentences-head');
                if (head) {
                    document.getElementById('sentences').scrollIntoView({block: 'start', behavior: 'smooth'});
                }
            }, 30);
            return window.dash_clientside.no_update;
        },
        // After a click: ring the point whose sentences are shown (ring: {curve, x, y}, from the
        // sentences callback) with a circle shape of the chart's layout: Plotly.relayout of that shape
        // redraws the shapes only (milliseconds). dcc.Graph copies a relayout's shapes into its figure
        // prop when they differ from it, and a new figure prop re-plots the whole chart (Plotly.react,
        // about a second on a busy machine, during which the page is frozen and the sentences wait to
        // be seen). So the same ring is put first into the figure prop (figure: that prop, a State):
        // then the two agree, nothing is copied, and a later zoom keeps the ring. A new figure has none.
        ringPoint: function (ring, figure) {
            var gd = document.querySelector('#timeline-graph .js-plotly-plot');
            if (gd && gd.layout && gd.layout.meta && gd.layout.meta.selected === ring.curve) {
                var shape = function () {
                    return {
                        name: 'selected point', type: 'circle', xref: 'x', yref: 'y', xsizemode: 'pixel',
                        ysizemode: 'pixel', xanchor: ring.x, yanchor: ring.y, x0: -11, x1: 11, y0: -11, y1: 11,
                        line: {color: '#1f2328', width: 3}
                    };
                };
                // The ring is the last shape. A moved ring is removed and added anew, one relayout:
                // setting its xanchor and yanchor would recompute the whole chart (they may move the
                // axis ranges); a whole shape added or removed redraws the shapes only.
                var others = function (shapes) {
                    return (shapes || []).filter(function (s) { return s.name !== 'selected point'; });
                };
                if (figure && figure.layout) {
                    figure.layout.shapes = others(figure.layout.shapes).concat([shape()]);
                }
                var shapes = gd.layout.shapes || [];
                var update = {};
                shapes.forEach(function (s, i) {
                    if (s.name === 'selected point') { update['shapes[' + i + ']'] = null; }
                });
                update['shapes[' + shapes.length + ']'] = shape();
                window.Plotly.relayout(gd, update);
            }
            return window.dash_clientside.no_update;
        }
    }
});

// dcc.Graph asks plotly.js to fit the chart to its box after its first drawing, and again when its
// box reports a size (as it starts observing it): Plotly.Plots.resize then re-plots the whole chart
// even when the box has the size the chart was drawn at (0.15-0.4 s on a busy machine, during which
// the page is frozen, just after it opens). A resize to the drawn size is skipped; any other passes.
// (plotly.js runs after this file, asynchronously (dashboard/firstload.py), before the page's first
// chart: wrapped once it has run.)
(function () {
    var wrap = function () {
        var plots = window.Plotly && window.Plotly.Plots;
        if (!plots || !plots.resize || plots.resize.trackerWrapped) { return; }
        var resize = plots.resize;
        var drawnAtThisSize = function (gd) {
            var full = gd && gd._fullLayout;
            if (!full || !gd.layout || gd.layout.width || !gd.offsetParent) { return false; }
            var box = window.getComputedStyle(gd);
            var fitsWidth = Math.abs(parseFloat(box.width) - full.width) < 1;
            return fitsWidth && (gd.layout.height ? true : Math.abs(parseFloat(box.height) - full.height) < 1);
        };
        plots.resize = function (gd) {
            var div = typeof gd === 'string' ? document.getElementById(gd) : gd;
            if (drawnAtThisSize(div)) { return Promise.resolve(div); }
            return resize.apply(this, arguments);
        };
        plots.resize.trackerWrapped = true;
    };
    var whenLoaded = function () {
        var script = document.getElementById('plotly-js');
        if (window.Plotly && window.Plotly.Plots) { wrap(); } else if (script) { script.addEventListener('load', wrap); }
    };
    if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', whenLoaded); } else { whenLoaded(); }
})();
