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
        // sentences callback) with a circle shape of the chart's layout. Adding or replacing a shape
        // redraws the shapes only (milliseconds); moving a trace's point redraws the whole figure (a
        // second on a busy machine, during which the page cannot scroll). A new figure has no ring.
        ringPoint: function (ring) {
            var gd = document.querySelector('#timeline-graph .js-plotly-plot');
            if (gd && gd.layout && gd.layout.meta && gd.layout.meta.selected === ring.curve) {
                var shapes = gd.layout.shapes || [];
                var index = shapes.findIndex(function (s) { return s.name === 'selected point'; });
                var update = {};
                update['shapes[' + (index < 0 ? shapes.length : index) + ']'] = {
                    name: 'selected point', type: 'circle', xref: 'x', yref: 'y', xsizemode: 'pixel',
                    ysizemode: 'pixel', xanchor: ring.x, yanchor: ring.y, x0: -11, x1: 11, y0: -11, y1: 11,
                    line: {color: '#1f2328', width: 3}
                };
                window.Plotly.relayout(gd, update);
            }
            return window.dash_clientside.no_update;
        }
    }
});
