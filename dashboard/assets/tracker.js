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
        }
    }
});
