/* The guide's own behaviour: term tooltips (Escape to dismiss, kept on screen) and the
   "My progress" page. Reads only this browser's localStorage; sends nothing anywhere. */
(function () {
  "use strict";

  /* ---------- Term tooltips */
  function openTips() { return document.querySelectorAll(".gloss:hover, .gloss:focus-within"); }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    openTips().forEach(function (gloss) { gloss.classList.add("gloss--dismissed"); });
  });
  function undismiss(event) {
    var gloss = event.target.closest && event.target.closest(".gloss");
    if (gloss) gloss.classList.remove("gloss--dismissed");
  }
  document.addEventListener("mouseleave", undismiss, true);
  document.addEventListener("focusout", undismiss, true);
  function keepOnScreen(event) {
    var gloss = event.target.closest && event.target.closest(".gloss");
    var tip = gloss && gloss.querySelector(".gloss-tip");
    if (!tip) return;
    tip.classList.remove("gloss-tip--left");
    var rect = tip.getBoundingClientRect();
    if (rect.right > document.documentElement.clientWidth) tip.classList.add("gloss-tip--left");
  }
  document.addEventListener("mouseover", keepOnScreen);
  document.addEventListener("focusin", keepOnScreen);

  /* ---------- Printing: open every collapsed box so nothing is lost on paper */
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (box) {
      box.setAttribute("open", "");
      box.dataset.openedForPrint = "true";
    });
  });
  window.addEventListener("afterprint", function () {
    document.querySelectorAll("details[data-opened-for-print]").forEach(function (box) {
      box.removeAttribute("open");
      delete box.dataset.openedForPrint;
    });
  });

  /* ---------- Quizzes: small keyboard and screen-reader fixes to mkdocs-quiz's markup */
  function improveQuizzes() {
    document.querySelectorAll(".quiz").forEach(function (quiz, index) {
      // The "#" permalink of each question gets a name that says where it goes.
      var permalink = quiz.querySelector(".quiz-header-link");
      if (permalink) permalink.setAttribute("aria-label", "Link to question " + (index + 1));
    });
  }
  // A blank sits outside the question's <form>: Enter in it submits the question, as
  // students expect from a text field.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" || !event.target.classList || !event.target.classList.contains("quiz-blank-input")) return;
    var quiz = event.target.closest(".quiz");
    var submit = quiz && quiz.querySelector("button[type=submit]");
    if (submit && !submit.disabled) {
      event.preventDefault();
      submit.click();
    }
  });

  /* ---------- My progress */
  var PREFIX = "quiz_progress_";

  function savedProgress(pathname) {
    try {
      var value = JSON.parse(localStorage.getItem(PREFIX + pathname));
      if (!value || typeof value !== "object" || Array.isArray(value)) return null;
      var answered = 0, correct = 0;
      Object.keys(value).forEach(function (key) {
        var quiz = value[key];
        if (quiz && quiz.answered === true) answered++;
        if (quiz && quiz.correct === true) correct++;
      });
      return { answered: answered, correct: correct };
    } catch (e) {
      return null;
    }
  }

  function fillProgress(summary) {
    var total = 0, answered = 0, correct = 0;
    document.querySelectorAll("a.progress-link").forEach(function (link) {
      var row = link.closest("tr");
      var cells = row.querySelectorAll("td");
      var questions = parseInt(cells[1].textContent, 10) || 0;
      var saved = savedProgress(new URL(link.getAttribute("href"), window.location.href).pathname) ||
        { answered: 0, correct: 0 };
      total += questions;
      answered += Math.min(saved.answered, questions);
      correct += Math.min(saved.correct, questions);
      cells[2].textContent = String(Math.min(saved.answered, questions));
      cells[3].textContent = String(Math.min(saved.correct, questions));
      cells[4].textContent = saved.answered === 0 ? "Not started" :
        saved.correct < questions ? "Revisit this page" : "Done";
    });
    summary.textContent = "You have answered " + answered + " of " + total +
      " questions, " + correct + " of them correctly.";
  }

  function resetProgress(summary) {
    try {
      for (var i = localStorage.length - 1; i >= 0; i--) {
        var key = localStorage.key(i);
        if (key && key.indexOf(PREFIX) === 0) localStorage.removeItem(key);
      }
    } catch (e) { /* storage unavailable: nothing to reset */ }
    fillProgress(summary);
    summary.textContent += " Your saved answers were reset.";
  }

  function initProgressPage() {
    var summary = document.getElementById("progress-summary");
    if (!summary) return;
    fillProgress(summary);
    var reset = document.getElementById("progress-reset");
    if (reset) reset.addEventListener("click", function () { resetProgress(summary); });
  }

  /* ---------- Light/dark switch. Material's own palette script is left out (see
     overrides/partials/palette.html); the header's inline __guidePalette() has already
     set the scheme before the page was drawn. */
  function initPalette() {
    var form = document.querySelector("[data-guide-palette]");
    if (!form || typeof window.__guidePalette !== "function") return;
    var inputs = Array.prototype.slice.call(form.querySelectorAll("input"));
    // (no <meta name="color-scheme">: adding one restyles the whole page; guide.css gives
    // the root element the scheme instead)
    var themeColor = null;
    function describeHeader() {  // the phone's browser bar takes the header's colour
      if (!themeColor) {
        themeColor = document.createElement("meta");
        themeColor.name = "theme-color";
        document.head.appendChild(themeColor);
      }
      themeColor.content = window.getComputedStyle(document.querySelector(".md-header")).backgroundColor;
    }
    function choose(index, save) {
      document.body.setAttribute("data-md-color-switching", "");  // no colour transitions
      var palette = window.__guidePalette(index);
      if (save && palette && window.__md_set) window.__md_set("__palette", palette);
      describeHeader();
      requestAnimationFrame(function () { document.body.removeAttribute("data-md-color-switching"); });
    }
    // once the page is idle: reading a style while Material's script is still changing the
    // page would restyle the whole page inside this task
    (window.requestIdleCallback || function (run) { setTimeout(run, 500); })(describeHeader);
    form.addEventListener("change", function (event) {
      var index = inputs.indexOf(event.target);
      if (index >= 0) choose(index, true);
    });
    // Enter on the switch moves to the next option, as with Material's own
    form.addEventListener("keydown", function (event) {
      if (event.key !== "Enter") return;
      var current = inputs.findIndex(function (input) { return input.checked; });
      var next = inputs[(current + 1) % inputs.length];
      event.preventDefault();
      next.click();
      next.focus();
    });
    // until the reader chooses, follow the device when its preference changes
    matchMedia("(prefers-color-scheme: dark)").addEventListener("change", function () {
      var saved = null;
      try { saved = window.__md_get("__palette"); } catch (e) { /* storage unavailable */ }
      if (!saved) choose(undefined, false);
    });
  }

  function init() {
    initPalette();
    improveQuizzes();
    initProgressPage();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
