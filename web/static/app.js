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
