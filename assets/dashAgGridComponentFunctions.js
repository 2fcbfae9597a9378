/* Cell renderers of the persons grid (components/table.py). Text goes in as text (React
   escapes it): a name from the data is never read as HTML or markdown. */
var dagcomponentfuncs = (window.dashAgGridComponentFunctions = window.dashAgGridComponentFunctions || {});

// The person's name, linking to their page (data.person is the page's relative URL). A plain
// click moves within the app as dcc.Link does (history.pushState, the page rendered by its
// callback) instead of reloading it; a click with a modifier opens a tab as any link does.
dagcomponentfuncs.PersonLink = function (props) {
  var data = props.data || {};
  if (!data.person) return props.value || "";
  function go(event) {
    if (event.button || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    window.history.pushState({}, "", new URL(data.person, window.location.href).href);
    window.dispatchEvent(new CustomEvent("_dashprivate_pushstate"));
    window.scrollTo(0, 0);
  }
  return React.createElement(
    "a",
    { href: data.person, className: "person-link", onClick: go, tabIndex: -1 },
    props.value || "—"
  );
};

// The source's own card, in a new tab; only http(s) addresses become links. The cell shows the
// arrow alone (a word broke into two lines at 1280 px); its words are its name and tooltip.
dagcomponentfuncs.SourceLink = function (props) {
  var url = props.value;
  if (typeof url !== "string" || !/^https?:\/\//i.test(url)) return "";
  var label = (props.data && props.data.source_label) || "";
  return React.createElement(
    "a",
    { href: url, target: "_blank", rel: "noopener noreferrer", tabIndex: -1,
      title: label, "aria-label": label, className: "source-link" },
    "↗"
  );
};
