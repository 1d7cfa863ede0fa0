/* incidentgraph: the timeline's zoomable axis, drawn with the vendored vis-timeline.
   The items come from the page's JSON data island (#timeline-data), which is data, never
   executed. Labels go in as text nodes, so no name from an article can become markup.
   Without JavaScript the page keeps its SVG axis and the cards. */
(function () {
  "use strict";
  var host = document.getElementById("vis-timeline");
  var island = document.getElementById("timeline-data");
  if (!host || !island || typeof vis === "undefined" || !vis.Timeline) { return; }
  var data = JSON.parse(island.textContent);
  if (!data.items.length) { return; }

  function text(className, value) {
    var el = document.createElement("span");
    el.className = className;
    el.textContent = value;
    return el;
  }
  function content(item) {
    var el = document.createElement("span");
    el.appendChild(text("vt-type", item.type_label));
    el.appendChild(document.createTextNode(" "));
    el.appendChild(text("vt-label", item.label));
    return el;
  }
  var overview = document.getElementById("overview");
  overview.classList.add("vis-ready");  /* shown before drawing, so vis-timeline measures a visible box */
  var items = new vis.DataSet(data.items.map(function (it) {
    var out = {id: it.id, content: content(it), start: it.start, card: it.card,
               className: it.certain ? "vt-certain" : (it.open ? "vt-uncertain vt-open" : "vt-uncertain"),
               type: it.certain ? "point" : "range"};
    if (it.end) { out.end = it.end; }
    if (it.group) { out.group = it.group; }
    return out;
  }));
  var options = {
    stack: true, zoomKey: "ctrlKey",
    zoomMin: 1000 * 60 * 60 * 24 * 3, orientation: {axis: "top", item: "top"}, showCurrentTime: false,
    margin: {item: {horizontal: 4, vertical: 6}}, tooltip: {followMouse: false}, selectable: true
  };
  /* Open on every item with a margin, so none sits cut at an edge. */
  var times = [];
  data.items.forEach(function (it) {
    times.push(Date.parse(it.start));
    if (it.end) { times.push(Date.parse(it.end)); }
  });
  var lo = Math.min.apply(null, times), hi = Math.max.apply(null, times);
  var pad = Math.max((hi - lo) * 0.08, 1000 * 60 * 60 * 24 * 10);
  options.start = new Date(lo - pad);
  options.end = new Date(hi + pad);
  var timeline;
  if (data.groups.length) {
    var groups = new vis.DataSet(data.groups.map(function (g, i) {
      return {id: g.id, content: text("vt-group", g.label), order: i};
    }));
    options.groupOrder = "order";
    timeline = new vis.Timeline(host, items, groups, options);
  } else {
    timeline = new vis.Timeline(host, items, options);
  }

  overview.querySelector(".vis-tools").hidden = false;
  host.removeAttribute("aria-hidden");
  host.setAttribute("data-ready", "1");

  overview.querySelectorAll("[data-zoom]").forEach(function (button) {
    button.addEventListener("click", function () {
      var how = button.getAttribute("data-zoom");
      if (how === "in") { timeline.zoomIn(0.5); }
      else if (how === "out") { timeline.zoomOut(0.5); }
      else { timeline.setWindow(options.start, options.end); }
    });
  });

  /* A click on an item goes to its card (the URL's #fragment, so it can be shared too). */
  timeline.on("select", function (props) {
    if (!props.items.length) { return; }
    var item = items.get(props.items[0]);
    var card = item && document.getElementById(item.card);
    if (!card) { return; }
    window.location.hash = item.card;
    card.focus({preventScroll: true});
  });
})();
