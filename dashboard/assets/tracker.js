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
        // After a click: ring the point on the chart's empty "selected" curve (ring: {curve, x, y}, from
        // the sentences callback), a frame after the sentences are painted, so plotly.js's redraw of
        // the figure does not hold them back. A new figure (another view) has no ring, as it should.
        ringPoint: function (ring) {
            requestAnimationFrame(function () {
                setTimeout(function () {
                    var gd = document.querySelector('#timeline-graph .js-plotly-plot');
                    if (gd && gd.layout && gd.layout.meta && gd.layout.meta.selected === ring.curve) {
                        window.Plotly.restyle(gd, {x: [[ring.x]], y: [[ring.y]]}, [ring.curve]);
                    }
                }, 0);
            });
            return window.dash_clientside.no_update;
        }
    }
});
