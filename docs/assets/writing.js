/* What a student writes on a section page: an answer under each reflection question, and in
   each worked example their own response, written before the model responses are shown.
   Loaded only on pages with such boxes (hooks/practice_journal.py); the practice journal
   (assets/journal.js) reads the same storage. Everything stays in this browser's localStorage;
   the words come from data/interface.yml (the "strings-writing" block). */
(function () {
  "use strict";
  var KEY = "guide-writing-v1"; // versioned: a later format gets a new key, never misreads this one
  var strings = {};
  try { strings = JSON.parse(document.getElementById("strings-writing").textContent) || {}; } catch (e) { /* keys show */ }
  function isObject(value) { return !!value && typeof value === "object" && !Array.isArray(value); }

  /* Anything unreadable counts as empty, part by part: a damaged part never costs the others. */
  function load() {
    var data = null;
    try { data = JSON.parse(localStorage.getItem(KEY)); } catch (e) { data = null; }
    if (!isObject(data) || data.version !== 1) data = { version: 1 };
    if (!isObject(data.reflections)) data.reflections = {};
    if (!isObject(data.examples)) data.examples = {};
    return data;
  }
  function entry(data, kind, key) {
    var value = data[kind][key];
    return { text: isObject(value) && typeof value.text === "string" ? value.text : "", shown: isObject(value) && value.shown === true };
  }
  function store(kind, key, change) {
    var data = load(), value = entry(data, kind, key);
    change(value);
    data[kind][key] = { text: value.text, shown: value.shown, saved: new Date().toISOString().slice(0, 10) };
    try { localStorage.setItem(KEY, JSON.stringify(data)); return true; } catch (e) { return false; }
  }

  document.querySelectorAll("[data-writing]").forEach(function (box) {
    var kind = box.dataset.writing, key = box.dataset.key;
    var area = box.querySelector("textarea"), status = box.querySelector(".writing-status");
    var saved = entry(load(), kind, key);
    area.value = saved.text;
    area.addEventListener("input", function () {
      status.textContent = store(kind, key, function (value) { value.text = area.value; }) ? strings.saved || "" : "";
    });
    if (kind !== "examples") return;
    // the models stay hidden (guide.css) until asked for; once shown, they stay shown on later visits
    var example = box.closest(".worked-example"), button = box.querySelector(".worked-show");
    function show() {
      example.classList.add("is-shown");
      button.setAttribute("aria-expanded", "true");
      button.hidden = true;
    }
    if (saved.shown) show();
    button.addEventListener("click", function () {
      store(kind, key, function (value) { value.shown = true; });
      show();
      var models = example.querySelector(".worked-models");
      models.tabIndex = -1;
      models.focus();
    });
  });
})();
