/* PNG and SVG downloads of the overview's charts (components/share.py). The server builds the
   picture's figure, with title, the filters in words, legend and source inside it
   (/download/<chart>.figure.json); the browser draws it with the plotly.js the page already has.
   One listener for the whole page, so buttons rendered later work too. */
(function () {
  "use strict";

  function save(url, name) {
    var link = document.createElement("a");
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
  }

  // Resolves to the image as a data URL; window.ppImage is also what the browser tests call.
  function image(chart, format) {
    var url = "download/" + encodeURIComponent(chart) + ".figure.json" + window.location.search;
    return fetch(url, { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error(url + ": " + response.status);
        return response.json();
      })
      .then(function (body) {
        var layout = body.figure.layout;
        return window.Plotly.toImage(
          { data: body.figure.data, layout: layout, config: { topojsonURL: "assets/topojson/" } },
          { format: format, width: layout.width, height: layout.height, scale: format === "png" ? 2 : 1 }
        ).then(function (dataUrl) {
          return { url: dataUrl, name: body.filename + "." + format };
        });
      });
  }
  window.ppImage = image;

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".image-download");
    if (!button || !window.Plotly) return;
    event.preventDefault();
    button.disabled = true;
    image(button.getAttribute("data-chart"), button.getAttribute("data-format"))
      .then(function (picture) { save(picture.url, picture.name); })
      .catch(function (error) {
        if (window.console) console.warn(error);
        window.alert(button.getAttribute("data-failed"));
      })
      .then(function () { button.disabled = false; });
  });
})();
