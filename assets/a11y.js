/* Accessibility repairs of third-party components (issue 14), made in the page as they render.

   Dash 4's dropdown (a Radix popover):
   - It takes keyboard focus first on a hidden input (aria-hidden, tabindex 0) that passes it on
     at once to the dropdown's button. A focusable element hidden from screen readers is an
     error (axe: aria-hidden-focus), and the button is named by its value alone ("All"), not by
     the filter it sets. So the button's name starts with its filter's <label>, and the input is
     named like the button instead of hidden.
   - Open, it is a dialog with no name, holding a listbox with no name whose options each hold
     a focusable checkbox (axe: aria-dialog-name, aria-input-field-name, nested-interactive).
     The dialog is named by the filter's label, and the list becomes what it behaves as: a group
     of checkboxes named by that label, each named by its option's text (the <label> around it),
     its state the checkbox's own.
   React keeps these changes: it only rewrites an attribute whose prop changes. The one that
   does (aria-selected, on a press) is removed again as it comes back. */
(function () {
  "use strict";

  function labelOf(button) {
    var label = button.id && document.querySelector('label[for="' + CSS.escape(button.id) + '"]');
    if (label && !label.id) label.id = button.id + "-label";
    return label;
  }

  function repairTrigger(wrapper) {
    var button = wrapper.querySelector("button.dash-dropdown");
    if (!button) return;
    var names = (button.getAttribute("aria-labelledby") || "").split(/\s+/).filter(Boolean);
    var label = labelOf(button);
    if (label && names[0] !== label.id) {
      names.unshift(label.id);
      button.setAttribute("aria-labelledby", names.join(" "));
    }
    var input = wrapper.querySelector("input.dash-dropdown-focus-target");
    if (input && input.getAttribute("aria-hidden") === "true") {
      input.removeAttribute("aria-hidden");
      input.setAttribute("aria-labelledby", names.join(" "));
    }
  }

  function repairPopover(content) {
    var button = content.id && document.querySelector('[aria-controls="' + CSS.escape(content.id) + '"]');
    var label = button && labelOf(button);
    if (label && content.getAttribute("aria-labelledby") !== label.id) {
      content.setAttribute("aria-labelledby", label.id);
    }
    content.querySelectorAll(".dash-options-list").forEach(function (list) {
      if (list.getAttribute("role") === "listbox") list.setAttribute("role", "group");
      if (label && list.getAttribute("aria-labelledby") !== label.id) {
        list.setAttribute("aria-labelledby", label.id);
      }
    });
    content.querySelectorAll(".dash-options-list-option").forEach(function (option) {
      if (option.hasAttribute("role")) option.removeAttribute("role");
      if (option.hasAttribute("aria-selected")) option.removeAttribute("aria-selected");
    });
  }

  function repairAll() {
    document.querySelectorAll(".dash-dropdown-wrapper").forEach(repairTrigger);
    document.querySelectorAll(".dash-dropdown-content").forEach(repairPopover);
  }

  // New dropdowns arrive with each page the app renders; a popover's options with each search.
  new MutationObserver(repairAll).observe(document.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ["aria-selected", "aria-hidden", "role"],
  });
  document.addEventListener("DOMContentLoaded", repairAll);
})();
