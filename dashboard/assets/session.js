// A session that ended while the page was open (signed out elsewhere, password changed, expired):
// the dashboard's requests get a 401, and reloading the page leads to the sign-in page and back here.
(function () {
    var fetchBefore = window.fetch;
    var reloading = false;
    window.fetch = function () {
        return fetchBefore.apply(this, arguments).then(function (response) {
            if (response.status === 401 && !reloading && response.url.indexOf('/_dash-') !== -1) {
                reloading = true;
                window.location.reload();
            }
            return response;
        });
    };
})();
