/* The embed page (components/embed_page.py; served as /embed/static/page.js): draws its chart and tells the host page its height.
   No framework, no request but the page's own files. */
(function () {
  "use strict";
  var SIZE_MESSAGE = "politprisoners-embed-size";
  var lastHeight = 0;

  function pageHeight() {
    return Math.ceil(document.documentElement.getBoundingClientRect().height);
  }

  // The host sets the iframe to this height (assets/embed/host.js, or AMP's amp-iframe):
  // two messages, our own and AMP's `embed-size`, sent only when the height changes.
  function tellHeight() {
    var height = pageHeight();
    if (height === lastHeight || window.parent === window) return;
    lastHeight = height;
    window.parent.postMessage({ type: SIZE_MESSAGE, height: height, href: location.href }, "*");
    window.parent.postMessage({ sentinel: "amp", type: "embed-size", height: height }, "*");
  }

  function draw() {
    var holder = document.getElementById("pp-figure");
    var chart = document.getElementById("pp-chart");
    if (!holder || !chart || !window.Plotly) return Promise.resolve();
    var figure = JSON.parse(holder.textContent);
    return window.Plotly.newPlot(chart, figure.data, figure.layout, figure.config);
  }

  function start() {
    draw().then(function () {
      document.body.setAttribute("data-drawn", "true");
      tellHeight();
    }, function (error) {
      document.body.setAttribute("data-drawn", "error");
      if (window.console) console.warn(error);
    });
    if (window.ResizeObserver) new ResizeObserver(tellHeight).observe(document.documentElement);
    window.addEventListener("resize", tellHeight);
    window.addEventListener("load", tellHeight);
    // A host that loaded after us asks again ("send your height").
    window.addEventListener("message", function (event) {
      if (event.source === window.parent && event.data && event.data.type === SIZE_MESSAGE + "?") {
        lastHeight = 0;
        tellHeight();
      }
    });
    tellHeight();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
