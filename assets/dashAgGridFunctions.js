/* Grid functions named in components/table.py. */
var dagfuncs = (window.dashAgGridFunctions = window.dashAgGridFunctions || {});

// On a phone the persons grid shows the name and one summary column (articles, sentence,
// status in a few lines); from 576 px every column. No sideways scrolling either way.
var PHONE_COLUMNS = ["summary"];
var ROW_HEIGHT = 64;
var PHONE_ROW_HEIGHT = 84;
var WIDE_COLUMNS = ["region", "articles", "custody_date", "sentence", "status", "cases", "source"];

dagfuncs.fitColumnsToScreen = function (params) {
  var phone = window.innerWidth < 576;
  params.api.setColumnsVisible(PHONE_COLUMNS, phone);
  params.api.setColumnsVisible(WIDE_COLUMNS, !phone);
  params.api.setColumnsPinned(["name"], phone ? null : "left");
  // Four lines a row on a phone (the summary holds articles, sentence and status), three wider
  // (style.css clamps the cells to the same counts).
  var height = phone ? PHONE_ROW_HEIGHT : ROW_HEIGHT;
  if (params.api.getGridOption("rowHeight") !== height) {
    params.api.setGridOption("rowHeight", height);
  }
  params.api.sizeColumnsToFit();
};

// The keyboard: the grid moves focus from cell to cell (arrows, Tab); Enter on a name or a source
// cell follows its link as a click would (the links themselves are out of the tab order, so Tab
// does not stop twice in one cell).
dagfuncs.openCellLink = function (params) {
  var event = params.event;
  if (!event || event.key !== "Enter" || !event.target || !event.target.querySelector) return;
  var link = event.target.querySelector("a[href]");
  if (link) {
    event.preventDefault();
    link.click();
  }
};

// Another sort is another order of the rows: it starts from their first page (the grid would
// otherwise stay on the page it showed, now a page of other people).
// Only a reader's sort: the grid also reports a sort it was given (a page drawn anew for Back).
dagfuncs.firstPage = function (params) {
  if (params.source !== "uiColumnSorted") return;
  params.api.paginationGoToPage(0);
};

// Tab and Shift+Tab leave the grid for the page around it (the arrows move between cells): AG
// Grid lets the browser move focus when this answers false.
dagfuncs.leaveGridOnTab = function () {
  return false;
};
