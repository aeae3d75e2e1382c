/* "My progress": mastery by learning objective (the list hooks/objective_progress.py writes).
   For each objective, counts the questions that check it which this browser has answered and
   answered right the FIRST time (a student may try a question again; the retry does not
   count), read through assets/guide.js's window.guideFirstAnswers from its record of first
   answers (localStorage "guide_record"), and puts the weakest objectives first in each
   section: those answered wrong most often, then those not tried yet. Loaded after guide.js
   (hooks/objective_progress.py puts it last in the page). Reads only; sends nothing
   anywhere. Saved values it cannot read count as not answered. */
(function () {
  "use strict";

  function readData() {
    try {
      var data = JSON.parse(document.getElementById("objective-data").textContent);
      return data && typeof data.objectives === "object" ? data : null;
    } catch (e) {
      return null;
    }
  }

  // a page's first answers {quiz id: right?}, read once per page and render
  function firstAnswers(pathname, cache) {
    if (!(pathname in cache)) {
      var answers = null;
      try { answers = window.guideFirstAnswers(pathname); } catch (e) { answers = null; }
      cache[pathname] = answers && typeof answers === "object" && !Array.isArray(answers) ? answers : {};
    }
    return cache[pathname];
  }

  function countObjective(questions, cache) {
    var answered = 0, right = 0;
    questions.forEach(function (question) {
      var pathname = new URL(question[0], window.location.href).pathname;
      var answers = firstAnswers(pathname, cache);
      var first = Object.prototype.hasOwnProperty.call(answers, question[1]) ? answers[question[1]] : null;
      if (typeof first !== "boolean") return;
      answered++;
      if (first) right++;
    });
    return { total: questions.length, answered: answered, right: right };
  }

  function fillIn(template, values) {
    return String(template || "").replace(/\{(\w+)\}/g, function (whole, name) {
      return name in values ? String(values[name]) : whole;
    });
  }

  // Weakest first: answered objectives by share right (then more wrong answers first), then
  // the ones not tried yet; the page's own order otherwise.
  function weaker(a, b) {
    if ((a.counts.answered === 0) !== (b.counts.answered === 0)) return a.counts.answered === 0 ? 1 : -1;
    if (a.counts.answered > 0) {
      var share = a.counts.right / a.counts.answered - b.counts.right / b.counts.answered;
      if (share !== 0) return share;
      var wrong = (b.counts.answered - b.counts.right) - (a.counts.answered - a.counts.right);
      if (wrong !== 0) return wrong;
    }
    return a.index - b.index;
  }

  function render(data) {
    var cache = {};
    document.querySelectorAll("#objective-progress .objective-list").forEach(function (list) {
      var rows = Array.prototype.map.call(list.querySelectorAll("li.objective"), function (item, index) {
        var order = item.dataset.order ? parseInt(item.dataset.order, 10) : index;
        item.dataset.order = String(order);
        var counts = countObjective(data.objectives[item.dataset.objective] || [], cache);
        item.querySelector(".objective-counts").textContent = fillIn(data.strings.objectives_counts, counts);
        item.classList.toggle("objective--missed", counts.answered > counts.right);
        return { item: item, counts: counts, index: order };
      });
      rows.sort(weaker).forEach(function (row) { list.appendChild(row.item); });
    });
  }

  function init() {
    var data = readData();
    if (!data) return;
    render(data);
    // after guide.js has cleared the saved answers (its listener was added first)
    var reset = document.getElementById("progress-reset");
    if (reset) reset.addEventListener("click", function () { render(data); });
    window.addEventListener("storage", function () { render(data); });
    window.addEventListener("guide:progress-loaded", function () { render(data); });  // assets/progress-file.js
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
