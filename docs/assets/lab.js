/* Skills lab: saves what a student writes and how they rate it, plays the branching
   conversations, labels each closed "Practise ..." box with what was done in it and opens again
   the one where the student last worked, and fills the lab's block on "My progress" (the
   practice journal is its own page: assets/journal.js).
   Loaded only on pages with the lab (hooks/skills_lab.py). Everything stays in this browser's
   localStorage; the words come from data/interface.yml (the "strings-lab" block). */
(function () {
  "use strict";
  var KEY = "guide-lab-v1"; // versioned: a later format gets a new key, never misreads this one
  var strings = {};
  try { strings = JSON.parse(document.getElementById("strings-lab").textContent) || {}; } catch (e) { /* words missing: keys show */ }

  function t(key, values) {
    var text = String(strings[key] || key);
    Object.keys(values || {}).forEach(function (name) { text = text.split("{" + name + "}").join(values[name]); });
    return text;
  }
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function isObject(value) { return !!value && typeof value === "object" && !Array.isArray(value); }

  /* ---------- Storage: anything unreadable or foreign counts as empty */
  function load() {
    var data = null;
    try { data = JSON.parse(localStorage.getItem(KEY)); } catch (e) { data = null; }
    if (!isObject(data) || data.version !== 1) data = { version: 1 };
    // each part checked on its own: a damaged part never costs the others
    if (!isObject(data.exercises)) data.exercises = {};
    if (!isObject(data.conversations)) data.conversations = {};
    if (typeof data.last !== "string") delete data.last;
    return data;
  }
  function save(data) {
    try { localStorage.setItem(KEY, JSON.stringify(data)); return true; } catch (e) { return false; }
  }
  function attempts(data, id) {
    var list = Array.isArray(data.exercises[id]) ? data.exercises[id] : [];
    return list.filter(isObject).map(function (a) {
      return { text: typeof a.text === "string" ? a.text : "", rating: [1, 2, 3, 4, 5].indexOf(a.rating) >= 0 ? a.rating : 0 };
    });
  }
  function tried(list) { return list.some(function (a) { return a.text.trim() || a.rating; }); }
  function finished(data, id) {
    var record = data.conversations[id];
    return isObject(record) && typeof record.finished === "number" && record.finished > 0 ? record.finished : 0;
  }

  /* ---------- Response exercises */
  var refreshers = [];
  function setupExercise(box) {
    var id = box.dataset.labExercise;
    var area = box.querySelector(".lab-text");
    var radios = Array.prototype.slice.call(box.querySelectorAll(".lab-rate input"));
    var status = box.querySelector(".lab-status");
    var earlier = box.querySelector(".lab-attempts");
    function current() {
      var data = load(), list = attempts(data, id);
      if (!list.length) list.push({ text: "", rating: 0 });
      return { data: data, list: list };
    }
    function show() {
      var list = current().list, last = list[list.length - 1];
      area.value = last.text;
      radios.forEach(function (radio) { radio.checked = Number(radio.value) === last.rating; });
      earlier.textContent = "";
      if (list.length < 2) return;
      earlier.appendChild(el("p", "lab-earlier", t("earlier")));
      var items = el("ol");
      list.slice(0, -1).forEach(function (a, i) {
        var item = el("li");
        item.appendChild(el("strong", "", t("attempt", { n: i + 1 }) + " (" + (a.rating ? t("rated", { n: a.rating }) : t("not_rated")) + ")"));
        item.appendChild(el("p", "lab-earlier-text", a.text));
        items.appendChild(item);
      });
      earlier.appendChild(items);
    }
    function store(change) {
      var state = current();
      change(state.list[state.list.length - 1], state.list);
      state.data.exercises[id] = state.list;
      state.data.last = id; // the box to open again on the next visit
      status.textContent = save(state.data) ? t("saved") : "";
      labelSets();
    }
    area.addEventListener("input", function () { store(function (a) { a.text = area.value; }); });
    radios.forEach(function (radio) {
      radio.addEventListener("change", function () { store(function (a) { a.rating = Number(radio.value); }); });
    });
    box.querySelector(".lab-again").addEventListener("click", function () {
      store(function (a, list) { if (a.text.trim() || a.rating) list.push({ text: "", rating: 0 }); });
      box.querySelector(".lab-models").open = false;
      show();
      area.focus();
    });
    refreshers.push(show);
    show();
  }

  /* ---------- Branching conversations: played from the list of steps on the page.
     The buttons of each step come in an order drawn once per visit (so neither place nor
     habit gives the helpful choice away) and kept for the rest of the visit; what is recorded
     is the choice itself, numbered as in the data (1 = first listed), never its place on screen. */
  function shuffled(count) {
    var order = [];
    for (var i = 0; i < count; i += 1) order.push(i);
    for (var j = count - 1; j > 0; j -= 1) {
      var k = Math.floor(Math.random() * (j + 1)), swap = order[j];
      order[j] = order[k];
      order[k] = swap;
    }
    return order;
  }
  function setupConversation(box) {
    var id = box.dataset.labConversation;
    var log = box.querySelector(".lab-log");
    var choices = box.querySelector(".lab-choices");
    var orders = {}; // step id -> the order its choices are shown in, this visit
    var path = [];   // [{ step, choice }] of the current play
    function words(node) { return node.querySelector(".lab-words").textContent; }
    function turn(who, text, kind) {
      var line = el("p", "lab-turn lab-turn--" + kind);
      line.appendChild(el("span", "lab-who", who + (strings.colon || ": ")));
      line.appendChild(document.createTextNode(text));
      log.appendChild(line);
    }
    function go(stepId) {
      var step = box.querySelector('.lab-step[data-step="' + stepId + '"]');
      turn(box.dataset.client, words(step.querySelector(".lab-said")), "client");
      choices.textContent = "";
      if (step.dataset.ending === "true") {
        log.appendChild(step.querySelector(".lab-debrief").cloneNode(true));
        var outcome = step.dataset.outcome;
        log.appendChild(el("p", "lab-done", outcome ? t("finished", { outcome: t("outcome_" + outcome) }) : t("finished_plain")));
        var data = load();
        data.conversations[id] = { finished: finished(data, id) + 1, ending: stepId, outcome: outcome || "", path: path };
        save(data);
        var again = el("button", "md-button", t("play_again"));
        again.type = "button";
        again.addEventListener("click", function () { log.textContent = ""; path = []; go(box.dataset.start); focusFirst(); });
        choices.appendChild(again);
        return;
      }
      var options = step.querySelectorAll(".lab-option");
      if (!orders[stepId]) orders[stepId] = shuffled(options.length);
      orders[stepId].forEach(function (n) {
        var option = options[n];
        var button = el("button", "lab-choice", words(option.querySelector("summary")));
        button.type = "button";
        button.addEventListener("click", function () { choose(stepId, n, option); });
        choices.appendChild(button);
      });
    }
    function choose(stepId, n, option) {
      path.push({ step: stepId, choice: n + 1 });
      turn(t("you"), words(option.querySelector("summary")), "helper");
      var feedback = option.querySelector(".lab-feedback").cloneNode(true);
      feedback.dataset.verdict = option.dataset.verdict;
      log.appendChild(feedback);
      go(option.dataset.next);
      focusFirst();
    }
    // the pressed button is gone: focus goes to the first of the new ones, which follow the
    // client's words (announced by the log, a polite live region)
    function focusFirst() { choices.querySelector("button").focus(); }
    log.textContent = ""; // the build drew the opening; drawn again, with its handlers, in this visit's order
    go(box.dataset.start);
  }

  /* ---------- Clearing (the journal itself is its own page, assets/journal.js) */
  function setupJournal(tools) {
    var status = tools.querySelector(".lab-journal-status");
    tools.querySelector(".lab-clear").addEventListener("click", function () {
      if (!window.confirm(t("clear_confirm"))) return;
      try { localStorage.removeItem(KEY); } catch (e) { /* nothing saved */ }
      refreshers.forEach(function (show) { show(); });
      labelSets();
      status.textContent = t("cleared");
    });
  }

  /* ---------- Each closed "Practise ..." box says what was done inside ("2 of 5 tried") */
  function labelSets() {
    var data = load();
    document.querySelectorAll(".lab-set").forEach(function (set) {
      var boxes = set.querySelectorAll("[data-lab-exercise]"), done = 0;
      boxes.forEach(function (box) { if (tried(attempts(data, box.dataset.labExercise))) done += 1; });
      var label = set.querySelector(".lab-set-done");
      if (label) label.textContent = done ? " · " + t("set_tried", { n: done, total: boxes.length }) : "";
    });
  }

  /* ---------- "My progress" */
  function setupProgress(block) {
    var data = load(), exercises = 0, conversations = 0;
    Object.keys(data.exercises).forEach(function (id) { if (tried(attempts(data, id))) exercises += 1; });
    Object.keys(data.conversations).forEach(function (id) { if (finished(data, id)) conversations += 1; });
    block.querySelector(".lab-progress-exercises").textContent =
      t("progress_exercises", { n: Math.min(exercises, Number(block.dataset.exercises)), total: block.dataset.exercises });
    block.querySelector(".lab-progress-conversations").textContent =
      t("progress_conversations", { n: Math.min(conversations, Number(block.dataset.conversations)), total: block.dataset.conversations });
  }

  /* Each exercise and conversation is set up when first shown: one in a closed box (a
     skill's "Practise ..." set) when that box first opens, so a page that holds many
     exercises does no work on load for those nobody opens. */
  function whenShown(setup) {
    return function (box) {
      var closed = box.parentElement.closest("details:not([open])");
      if (!closed) return setup(box);
      closed.addEventListener("toggle", function opened() {
        if (!closed.open) return;
        closed.removeEventListener("toggle", opened);
        whenShown(setup)(box);  // a box inside another closed one waits for that one too
      });
    };
  }
  // the box where the student last worked opens again (before set-up, so it is set up at once)
  var last = load().last;
  document.querySelectorAll("[data-lab-exercise]").forEach(function (box) {
    if (box.dataset.labExercise !== last) return;
    var set = box.closest("details.lab-set");
    if (set) set.open = true;
  });
  labelSets();
  document.querySelectorAll("[data-lab-exercise]").forEach(whenShown(setupExercise));
  document.querySelectorAll("[data-lab-conversation]").forEach(whenShown(setupConversation));
  document.querySelectorAll(".lab-journal").forEach(setupJournal);
  document.querySelectorAll(".lab-progress").forEach(setupProgress);
  window.addEventListener("guide:progress-loaded", function () {  // assets/progress-file.js
    document.querySelectorAll(".lab-progress").forEach(setupProgress);
  });
})();
