/* Grid functions named in components/table.py. */
var dagfuncs = (window.dashAgGridFunctions = window.dashAgGridFunctions || {});

// On a phone the persons grid shows the name and one summary column (articles, sentence,
// status in a few lines); from 576 px every column. No sideways scrolling either way.
var PHONE_COLUMNS = ["summary"];
var WIDE_COLUMNS = ["region", "articles", "custody_date", "sentence", "status", "cases", "source"];

dagfuncs.fitColumnsToScreen = function (params) {
  var phone = window.innerWidth < 576;
  params.api.setColumnsVisible(PHONE_COLUMNS, phone);
  params.api.setColumnsVisible(WIDE_COLUMNS, !phone);
  params.api.setColumnsPinned(["name"], phone ? null : "left");
  params.api.sizeColumnsToFit();
};
