/* Cell renderers of the persons grid (components/table.py). Text goes in as text (React
   escapes it): a name from the data is never read as HTML or markdown. */
var dagcomponentfuncs = (window.dashAgGridComponentFunctions = window.dashAgGridComponentFunctions || {});

// The person's name, linking to their page (data.person is the page's relative URL).
dagcomponentfuncs.PersonLink = function (props) {
  var data = props.data || {};
  if (!data.person) return props.value || "";
  return React.createElement("a", { href: data.person, className: "person-link" }, props.value || "—");
};

// The source's own card, in a new tab; only http(s) addresses become links.
dagcomponentfuncs.SourceLink = function (props) {
  var url = props.value;
  if (typeof url !== "string" || !/^https?:\/\//i.test(url)) return "";
  return React.createElement(
    "a",
    { href: url, target: "_blank", rel: "noopener noreferrer" },
    (props.data && props.data.source_label) || "↗"
  );
};
