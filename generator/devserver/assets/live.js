// Lumen live reload. Served by lumen serve only; never part of a built site.
// It listens to the server's event stream and, when the page it shows has
// changed, reloads it; when only stylesheets changed, it swaps them in
// place without a reload. After a server restart it reconnects by itself.
(function () {
  "use strict";
  var me = document.currentScript;
  var hash = me ? me.getAttribute("data-hash") : "";
  var path = location.pathname;

  function swapStylesheets() {
    var links = document.querySelectorAll('link[rel="stylesheet"]');
    for (var i = 0; i < links.length; i++) {
      var link = links[i];
      var url = new URL(link.href);
      if (url.origin !== location.origin) continue;
      url.searchParams.set("lumen", Date.now().toString(36));
      var fresh = link.cloneNode();
      fresh.href = url.toString();
      fresh.onload = (function (old) { return function () { old.remove(); }; })(link);
      link.after(fresh);
    }
  }

  var retry = 250;
  function connect() {
    var es = new EventSource("/_lumen/events?path=" + encodeURIComponent(path) + "&hash=" + encodeURIComponent(hash || ""));
    es.addEventListener("open", function () { retry = 250; });
    es.addEventListener("reload", function () { es.close(); location.reload(); });
    es.addEventListener("css", function () { swapStylesheets(); });
    es.onerror = function () {
      // The server went away (restarted, or Ctrl-C): try again, slowly.
      es.close();
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 2000);
    };
  }
  connect();
})();
