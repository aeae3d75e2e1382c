/* "My progress": mastery by learning objective (the list hooks/objective_progress.py writes).
   For each objective, counts the questions that check it which this browser has answered and
   answered right the FIRST time (a student may try a question again; the retry does not
   count), read through assets/guide.js's window.guideFirstAnswers from its record of first
   answers (localStorage "guide_record"); marks each (missed, partly right, not tried yet),
   puts the weakest first in each section (then the right ones, then those not tried yet),
   lists the missed and partly right ones of the whole guide at the top of the page, weakest
   first, and says beside each folded chapter how many it holds. Loaded after guide.js
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

  // an objective's state: "missed" (every first answer wrong), "partly" (some right, some
  // wrong), "right", or "untried"; shown as a word, not by colour alone
  function state(counts) {
    if (!counts.answered) return "untried";
    if (counts.right === counts.answered) return "right";
    return counts.right ? "partly" : "missed";
  }
  var BADGES = { missed: "objective_missed", partly: "objective_partly", untried: "objective_untried" };

  // The objectives to work on first, across the whole guide, at the top of the page: the
  // missed and partly right ones, weakest first, each with its section's name
  function fillFocus(rows, strings) {
    var place = document.getElementById("objective-focus");
    if (!place) return;
    var list = place.querySelector(".objective-focus-list"), empty = place.querySelector(".objective-focus-empty");
    var weak = rows.filter(function (row) { return row.state === "missed" || row.state === "partly"; }).sort(weaker);
    list.textContent = "";
    weak.forEach(function (row) {
      var item = document.createElement("li");
      item.className = "objective-focus-item objective--" + row.state;
      var badge = document.createElement("span");
      badge.className = "objective-badge";
      badge.textContent = strings[BADGES[row.state]] || "";
      var link = row.item.querySelector("a").cloneNode(true);
      var where = document.createElement("span");
      where.className = "objective-where";
      where.textContent = row.section;
      var counts = row.item.querySelector(".objective-counts").cloneNode(true);
      [badge, document.createTextNode(" "), link, where, counts].forEach(function (node) { item.appendChild(node); });
      list.appendChild(item);
    });
    list.hidden = !weak.length;
    if (empty) empty.hidden = !!weak.length;
  }

  function render(data) {
    var cache = {}, all = [], position = 0;
    document.querySelectorAll("#objective-progress .objective-list").forEach(function (list) {
      var heading = list.previousElementSibling;
      var section = heading ? heading.textContent.replace(/\s+/g, " ").trim() : "";
      var rows = Array.prototype.map.call(list.querySelectorAll("li.objective"), function (item, index) {
        var order = item.dataset.order ? parseInt(item.dataset.order, 10) : index;
        item.dataset.order = String(order);
        var counts = countObjective(data.objectives[item.dataset.objective] || [], cache);
        var now = state(counts);
        item.querySelector(".objective-counts").textContent = fillIn(data.strings.objectives_counts, counts);
        ["missed", "partly", "right", "untried"].forEach(function (name) {
          item.classList.toggle("objective--" + name, name === now);
        });
        var badge = item.querySelector(".objective-badge");
        if (badge) badge.textContent = data.strings[BADGES[now]] || "";
        return { item: item, counts: counts, index: order, state: now, section: section };
      });
      rows.sort(weaker).forEach(function (row) { list.appendChild(row.item); });
      rows.forEach(function (row) { all.push({ item: row.item, counts: row.counts, state: row.state,
                                               section: row.section, index: position++ }); });
    });
    // each folded chapter says how many of its objectives are to work on
    document.querySelectorAll("#objective-progress .objective-chapter").forEach(function (chapter) {
      var note = chapter.querySelector(".objective-chapter-note");
      var weak = chapter.querySelectorAll("li.objective--missed, li.objective--partly").length;
      if (note) note.textContent = weak ? fillIn(data.strings.chapter_to_work_on, { n: weak }) : "";
    });
    fillFocus(all, data.strings);
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
