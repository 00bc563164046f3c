// faq.js: on an FAQ page, opens the question that a link leads to
// (/faqs/back-pain-basics/#question-6), whose answer a closed <details>
// would hide, and keeps it in view. Nothing needs it to be read: every
// question opens with a click, a tap or Enter.
(function () {
  "use strict";
  function openTarget() {
    var id;
    try {
      id = decodeURIComponent(location.hash.slice(1));
    } catch (e) {
      return;
    }
    var el = id && document.getElementById(id);
    if (el && el.tagName === "DETAILS" && !el.open) {
      el.open = true;
      el.scrollIntoView();
    }
  }
  openTarget();
  window.addEventListener("hashchange", openTarget);
})();
