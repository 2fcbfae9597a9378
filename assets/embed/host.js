/* For the page that embeds our charts: <script src="https://…/embed.js" async></script>.
   Sets each of our iframes to the height its chart reports, so it never shows a scrollbar.
   A message counts only if it comes from one of the page's own iframes (event.source). */
(function () {
  "use strict";
  var SIZE_MESSAGE = "politprisoners-embed-size";
  if (window.__politprisonersEmbedHost) return; // the script included twice
  window.__politprisonersEmbedHost = true;

  function frameOf(source) {
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === source) return frames[i];
    }
    return null;
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.type !== SIZE_MESSAGE || typeof data.height !== "number") return;
    var frame = frameOf(event.source);
    if (!frame || !(data.height > 0) || data.height > 20000) return;
    frame.style.height = Math.ceil(data.height) + "px";
    frame.setAttribute("scrolling", "no");
  });

  // Frames that reported before this script ran: ask them again.
  function ask() {
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow) frames[i].contentWindow.postMessage({ type: SIZE_MESSAGE + "?" }, "*");
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ask);
  else ask();
})();
