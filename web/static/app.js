/* incidentgraph: the little JavaScript the pages use. Everything works without it; it only
   saves clicks (filters apply on change) and lets clicks in network frames open pages. */
(function () {
  "use strict";
  var root = document.body ? (document.body.getAttribute("data-root") || "") : "";

  /* Filter forms: drop empty fields so the URL stays short and shareable. */
  function tidy(form) {
    Array.prototype.forEach.call(form.elements, function (el) {
      if (el.name && !el.value && (el.tagName === "SELECT" || el.tagName === "INPUT")) { el.disabled = true; }
    });
  }
  document.querySelectorAll("form.filters").forEach(function (form) {
    form.addEventListener("submit", function () { tidy(form); });
    if (form.hasAttribute("data-autosubmit")) {
      form.querySelectorAll("select").forEach(function (sel) {
        sel.addEventListener("change", function () { tidy(form); form.submit(); });
      });
    }
  });

  /* Network frames are sandboxed (no same-origin): they ask this page to open a node's page.
     Only messages from our own frames, naming a page of this app, are obeyed. */
  var PAGE = /^\/(entity|incident)\/[A-Za-z0-9\-\/]+$/;
  window.addEventListener("message", function (event) {
    var frames = document.querySelectorAll("iframe.network-frame");
    var ours = Array.prototype.some.call(frames, function (f) { return f.contentWindow === event.source; });
    var data = event.data;
    if (!ours || !data || typeof data.open !== "string" || !PAGE.test(data.open)) { return; }
    window.location.assign(root + data.open);
  });
})();

/* Entity pickers (the links page): suggest names from /search.json as the user types.
   The server resolves whatever is typed, so this only saves keystrokes. */
(function () {
  "use strict";
  document.querySelectorAll("input[data-suggest]").forEach(function (input) {
    var list = document.getElementById(input.getAttribute("list"));
    var timer = null, last = "";
    if (!list) { return; }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var q = input.value.trim();
        if (q.length < 2 || q === last) { return; }
        last = q;
        fetch(input.getAttribute("data-suggest") + ".json?q=" + encodeURIComponent(q), {headers: {Accept: "application/json"}})
          .then(function (r) { return r.ok ? r.json() : {results: []}; })
          .then(function (data) {
            while (list.firstChild) { list.removeChild(list.firstChild); }
            (data.results || []).slice(0, 12).forEach(function (r) {
              var opt = document.createElement("option");
              opt.value = r.label;
              opt.label = r.kind;
              list.appendChild(opt);
            });
          })
          .catch(function () {});
      }, 200);
    });
  });
})();
