/* My progress: "Save my progress to a file" and "Load progress from a file", to move what
   this browser keeps to another device (hooks/progress_file.py writes the block and its data).

   The file is JSON: {format: "guide-progress", version, guide: {id, title}, saved, data}, where
   data holds every localStorage record of this guide: guide_record (first answers, the time of
   each, where the student left off), mkdocs-quiz's quiz_progress_<page> of this site's pages,
   guide-lab-v1 (Skills lab), and any other guide_* or guide-* key (the review schedule, ...).
   Page paths are kept relative to the site, in one form for the hosted and offline editions.

   Loading refuses, changing nothing, a file that is too large, unreadable, not a progress
   file, of a later version, of another guide, or holding any value of the wrong type or size
   or a record this guide does not keep. Otherwise it merges, and shows what will change first:
   - a first answer this browser lacks is added; when both hold one, the earlier counts (an
     answer without a time was recorded before times were kept, so it is the earlier);
   - mkdocs-quiz's latest answers: added where this browser has none (no dates to compare);
   - Skills lab attempts this browser lacks are added; a conversation takes the record played
     more often;
   - a review key (a name holding "review" or "schedule"): each card of `cards` (or the whole
     value) takes the file's when its last review (last_review, lastReview, reviewed, updated
     or saved) is later; anything else a guide key holds is added only where this browser has none.
   A file is data: every text from it reaches the page as text (textContent), and the typed
   answers mkdocs-quiz would put back as markup (it restores a wrong fill-in with innerHTML)
   lose any text holding < or >. Nothing is sent anywhere. */
(function () {
  "use strict";
  var FORMAT = "guide-progress";
  var MAX_BYTES = 2000000;  // a real file is tens of KB; localStorage holds about 5 MB in all
  var MAX_TEXT = 20000;     // characters in any one text (a Skills lab attempt is the longest)
  var MAX_ITEMS = 5000;     // entries in any one object or list
  var QUIZ_PREFIX = "quiz_progress_", RECORD_KEY = "guide_record", LAB_KEY = "guide-lab-v1";
  var OWN_KEY = /^guide[_-][A-Za-z0-9_.-]{1,60}$/;
  var REVIEW_KEY = /review|schedule/i;
  var QUIZ_ID = /^quiz-\d{1,4}$/;
  var REL_PATH = /^(?:[A-Za-z0-9._~%@+-]+\/)*[A-Za-z0-9._~%@+-]*$/;
  var FORBIDDEN = { "__proto__": 1, "constructor": 1, "prototype": 1 };
  var LATEST = 4102444800000;  // 2100-01-01: a later time is not a real one
  var STAMPS = ["last_review", "lastReview", "reviewed", "updated", "saved"];

  // The optional part of "where you left off" that guide.js keeps: the heading being read
  function withPlace(out, last) {
    if (last.place === "reading" || last.place === "questions") {
      out.place = last.place;
      out.heading = typeof last.heading === "string" ? last.heading : null;
      out.section = typeof last.section === "string" ? last.section : null;
    }
    return out;
  }

  var block = document.getElementById("progress-file");
  var data;
  try { data = JSON.parse(document.getElementById("progress-file-data").textContent); } catch (e) { data = null; }
  if (!block || !data) return;
  var words = data.words || {};
  var input = document.getElementById("progress-file-input");
  var preview = document.getElementById("progress-file-preview");
  var statusLine = document.getElementById("progress-file-status");
  var pending = null;

  function say(key, values) {
    if (values && values.n === 1 && words[key + "_one"]) key += "_one";  // "1 attempt", not "1 attempts"
    return String(words[key] || key).replace(/\{(\w+)\}/g, function (all, name) {
      return values && values[name] !== undefined ? String(values[name]) : all;
    });
  }
  function isObject(value) { return !!value && typeof value === "object" && !Array.isArray(value); }
  function copy(value) { return JSON.parse(JSON.stringify(value)); }
  function readJSON(key) {
    try { return JSON.parse(localStorage.getItem(key)); } catch (e) { return null; }
  }
  function show(text, error) {
    statusLine.textContent = text;
    statusLine.classList.toggle("progress-file-status--error", !!error);
  }
  function fail(key, values) {
    hidePreview();
    show(say(key, values), true);
  }

  /* ---------- Page paths: relative to the site's root, "x/" for a page in either edition */
  var root = new URL(String(data.root).replace(/\/?$/, "/"), window.location.href).pathname;
  function canonical(rel) { return rel.replace(/(^|\/)index\.html$/, "$1").replace(/\.html$/, "/"); }
  function toFile(pathname) {
    return typeof pathname === "string" && pathname.indexOf(root) === 0 ? canonical(pathname.slice(root.length)) : null;
  }
  var local = {};  // a page's path in the file -> its path here (directory URLs or .html files)
  document.querySelectorAll("a.progress-link").forEach(function (link) {
    var rel = new URL(link.getAttribute("href"), window.location.href).pathname.slice(root.length);
    local[canonical(rel)] = rel;
  });
  function toLocal(path) { return root + (Object.prototype.hasOwnProperty.call(local, path) ? local[path] : path); }

  /* ---------- Save */
  function recordToFile(record) {
    if (!isObject(record)) return null;
    var out = { version: record.version, first: {}, at: {}, last: null };
    [["first", out.first], ["at", out.at]].forEach(function (part) {
      if (!isObject(record[part[0]])) return;
      Object.keys(record[part[0]]).forEach(function (pathname) {
        var path = toFile(pathname);
        if (path !== null) part[1][path] = record[part[0]][pathname];
      });
    });
    var last = record.last;
    if (isObject(last) && toFile(last.path) !== null) {
      out.last = withPlace({ path: toFile(last.path), title: last.title, question: last.question, number: last.number }, last);
    }
    return out;
  }
  function collect() {
    var out = {};
    try {
      for (var i = 0; i < localStorage.length; i++) {
        var key = localStorage.key(i), value = readJSON(key);
        if (value === null || !key) continue;
        if (key === RECORD_KEY) {
          value = recordToFile(value);
          if (value) out[key] = value;
        } else if (key.indexOf(QUIZ_PREFIX) === 0) {
          var path = toFile(key.slice(QUIZ_PREFIX.length));  // this site's pages only
          if (path !== null) out[QUIZ_PREFIX + path] = value;
        } else if (OWN_KEY.test(key)) {
          out[key] = value;
        }
      }
    } catch (e) { /* storage unavailable: an empty file */ }
    return out;
  }
  function save() {
    var now = new Date();
    var file = { format: FORMAT, version: data.version, guide: { id: data.guide, title: data.title },
                 saved: now.toISOString(), data: collect() };
    var name = say("file_name", { name: data.name, date: now.toISOString().slice(0, 10) });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([JSON.stringify(file, null, 1)], { type: "application/json" }));
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
    hidePreview();
    show(say("saved", { file: name }));
  }

  /* ---------- Check: every value of the file, before anything is merged. A fault names where. */
  function Fault(where, unknown) { this.where = String(where).slice(0, 160); this.unknown = !!unknown; }
  function need(ok, where) { if (!ok) throw new Fault(where); }
  function text(value, where, max) { need(typeof value === "string" && value.length <= (max || MAX_TEXT), where); }
  function whole(value, where, min, max) {
    need(typeof value === "number" && Math.floor(value) === value && value >= min && value <= max, where);
  }
  function relPath(value, where) {
    text(value, where, 300);
    need(REL_PATH.test(value) && !/(^|\/)\.\.?(\/|$)/.test(value) && !FORBIDDEN[value], where);
  }
  function each(value, where, check) {
    need(isObject(value), where);
    var keys = Object.keys(value);
    need(keys.length <= MAX_ITEMS, where);
    keys.forEach(function (key) {
      need(!FORBIDDEN[key] && key.length <= 300, where);
      check(key, value[key], where + "/" + key);
    });
  }
  function list(value, where, max) { need(Array.isArray(value) && value.length <= (max || MAX_ITEMS), where); return value; }
  function quizId(id, where) { need(QUIZ_ID.test(id), where); }

  function checkRecord(value, where) {
    need(isObject(value) && value.version === 1, where);
    each(value.first, where + "/first", function (path, answers, at) {
      relPath(path, at);
      each(answers, at, function (id, right, at2) { quizId(id, at2); need(typeof right === "boolean", at2); });
    });
    if (value.at !== undefined) {
      each(value.at, where + "/at", function (path, times, at) {
        relPath(path, at);
        each(times, at, function (id, time, at2) { quizId(id, at2); whole(time, at2, 0, LATEST); });
      });
    }
    var last = value.last;
    if (last === undefined || last === null) return;
    need(isObject(last), where + "/last");
    relPath(last.path, where + "/last/path");
    text(last.title, where + "/last/title", 300);
    need(last.question === null || (typeof last.question === "string" && QUIZ_ID.test(last.question)), where + "/last/question");
    if (last.number !== null) whole(last.number, where + "/last/number", 1, 9999);
    // where reading stopped (guide.js, "continue where you left off"): optional
    if (last.place !== undefined) need(last.place === "reading" || last.place === "questions", where + "/last/place");
    if (last.heading !== undefined && last.heading !== null) need(typeof last.heading === "string" && /^[\w-]{1,200}$/.test(last.heading), where + "/last/heading");
    if (last.section !== undefined && last.section !== null) text(last.section, where + "/last/section", 300);
  }
  function checkQuiz(value, where) {
    each(value, where, function (id, quiz, at) {
      quizId(id, at);
      need(isObject(quiz) && typeof quiz.answered === "boolean" && typeof quiz.correct === "boolean", at);
      if (quiz.selectedValues !== undefined) {
        list(quiz.selectedValues, at + "/selectedValues", 50).forEach(function (v) { text(v, at + "/selectedValues", 1000); });
      }
    });
    need(JSON.stringify(value).length <= 50000, where);  // mkdocs-quiz discards a page's answers past 50 KB
  }
  function checkLab(value, where) {
    need(isObject(value) && value.version === 1, where);
    each(value.exercises, where + "/exercises", function (id, attempts, at) {
      list(attempts, at, 500).forEach(function (attempt, i) {
        need(isObject(attempt), at + "/" + i);
        text(attempt.text, at + "/" + i + "/text");
        whole(attempt.rating, at + "/" + i + "/rating", 0, 5);
      });
    });
    each(value.conversations, where + "/conversations", function (id, record, at) {
      need(isObject(record), at);
      whole(record.finished, at + "/finished", 0, 1000000);
      if (record.ending !== undefined) text(record.ending, at + "/ending", 200);
      if (record.outcome !== undefined) text(record.outcome, at + "/outcome", 50);
      if (record.path !== undefined) {
        list(record.path, at + "/path", 1000).forEach(function (step, i) {
          need(isObject(step), at + "/path/" + i);
          text(step.step, at + "/path/" + i, 200);
          whole(step.choice, at + "/path/" + i, 0, 100);
        });
      }
    });
  }
  function checkAny(value, where, depth) {  // a guide key this page does not know the form of
    need(depth <= 10, where);
    if (value === null || typeof value === "boolean") return;
    if (typeof value === "number") return need(isFinite(value), where);
    if (typeof value === "string") return text(value, where);
    if (Array.isArray(value)) {
      return list(value, where).forEach(function (item, i) { checkAny(item, where + "/" + i, depth + 1); });
    }
    each(value, where, function (key, item, at) { checkAny(item, at, depth + 1); });
  }
  function checkData(all) {
    need(Object.keys(all).length <= MAX_ITEMS, "data");
    Object.keys(all).forEach(function (key) {
      var value = all[key];
      if (key === RECORD_KEY) checkRecord(value, key);
      else if (key === LAB_KEY) checkLab(value, key);
      else if (key.indexOf(QUIZ_PREFIX) === 0) { relPath(key.slice(QUIZ_PREFIX.length), key); checkQuiz(value, key); }
      else if (OWN_KEY.test(key)) checkAny(value, key, 0);
      else throw new Fault(key, true);
    });
  }

  /* ---------- Merge: what would be written, and what it changes (nothing written yet) */
  function stamp(value) {
    if (!isObject(value)) return null;
    for (var i = 0; i < STAMPS.length; i++) {
      var v = value[STAMPS[i]], time = typeof v === "number" ? v : (typeof v === "string" ? Date.parse(v) : NaN);
      if (isFinite(time)) return time;
    }
    return null;
  }
  function later(theirs, mine) {
    var a = stamp(theirs), b = stamp(mine);
    return a !== null && b !== null && a > b;
  }
  function mergeRecord(file, plan) {
    var here = readJSON(RECORD_KEY);
    var out = isObject(here) && here.version === 1 ? copy(here) : { version: 1 };
    if (!isObject(out.first)) out.first = {};
    if (!isObject(out.at)) out.at = {};
    var changed = false;
    Object.keys(file.first).forEach(function (path) {
      var pathname = toLocal(path);
      var mine = out.first[pathname] = isObject(out.first[pathname]) ? out.first[pathname] : {};
      var times = out.at[pathname] = isObject(out.at[pathname]) ? out.at[pathname] : {};
      var theirTimes = isObject(file.at) && isObject(file.at[path]) ? file.at[path] : {};
      Object.keys(file.first[path]).forEach(function (id) {
        var theirs = file.first[path][id], theirTime = theirTimes[id], myTime = times[id];
        var known = typeof mine[id] === "boolean";
        // an answer without a time was recorded before times were kept: it is the earlier one
        var earlier = typeof theirTime === "number" ? typeof myTime === "number" && theirTime < myTime
          : typeof myTime === "number";
        if (known && !earlier) return;
        if (!known) plan.n.first_added++;
        else if (mine[id] !== theirs) plan.n.first_earlier++;
        mine[id] = theirs;
        if (typeof theirTime === "number") times[id] = theirTime; else delete times[id];
        changed = true;
      });
    });
    if (!isObject(out.last) && isObject(file.last)) {
      var last = file.last;
      out.last = withPlace({ path: toLocal(last.path), title: last.title, question: last.question, number: last.number }, last);
      plan.last = last.title;
      changed = true;
    }
    if (changed) plan.writes[RECORD_KEY] = out;
  }
  function mergeQuiz(key, file, plan) {
    var localKey = QUIZ_PREFIX + toLocal(key.slice(QUIZ_PREFIX.length));
    var here = readJSON(localKey);
    var out = isObject(here) ? copy(here) : {}, added = 0;
    Object.keys(file).forEach(function (id) {
      if (isObject(out[id])) return;  // this browser's latest answer stays
      var values = (file[id].selectedValues || []).map(function (v) {
        if (!/[<>]/.test(v)) return v;
        plan.n.markup++;
        return "";
      });
      out[id] = { answered: file[id].answered, correct: file[id].correct, selectedValues: values };
      added++;
    });
    if (added) {
      plan.writes[localKey] = out;
      plan.n.answers_added += added;
    }
  }
  function mergeLab(file, plan) {
    var here = readJSON(LAB_KEY);
    var out = isObject(here) && here.version === 1 && isObject(here.exercises) && isObject(here.conversations)
      ? copy(here) : { version: 1, exercises: {}, conversations: {} };
    var changed = false;
    Object.keys(file.exercises).forEach(function (id) {
      var mine = Array.isArray(out.exercises[id]) ? out.exercises[id] : [], seen = {};
      mine.forEach(function (a) { if (isObject(a)) seen[JSON.stringify([a.text, a.rating])] = true; });
      var fresh = file.exercises[id].filter(function (a) {
        var key = JSON.stringify([a.text, a.rating]);
        if (seen[key] || !(a.text.trim() || a.rating)) return false;
        seen[key] = true;
        return true;
      }).map(function (a) { return { text: a.text, rating: a.rating }; });
      if (!fresh.length) return;
      out.exercises[id] = fresh.concat(mine);  // this browser's attempt in progress stays the last
      plan.n.lab_attempts += fresh.length;
      changed = true;
    });
    Object.keys(file.conversations).forEach(function (id) {
      var mine = out.conversations[id], theirs = file.conversations[id];
      var played = isObject(mine) && typeof mine.finished === "number" ? mine.finished : 0;
      if (theirs.finished <= played) return;
      out.conversations[id] = { finished: theirs.finished, ending: theirs.ending || "", outcome: theirs.outcome || "",
                                path: (theirs.path || []).map(function (s) { return { step: s.step, choice: s.choice }; }) };
      plan.n.conversations++;
      changed = true;
    });
    if (changed) plan.writes[LAB_KEY] = out;
  }
  function mergeReview(key, file, plan) {
    var here = readJSON(key);
    var cards = isObject(file) && isObject(file.cards) ? Object.keys(file.cards).length : 1;
    if (here === null) {
      plan.writes[key] = file;
      plan.n.review += cards;
    } else if (isObject(here) && isObject(here.cards) && isObject(file) && isObject(file.cards)) {
      var out = copy(here), n = 0;
      Object.keys(file.cards).forEach(function (id) {
        if (out.cards[id] !== undefined && !later(file.cards[id], out.cards[id])) return;
        out.cards[id] = file.cards[id];
        n++;
      });
      if (n) { plan.writes[key] = out; plan.n.review += n; }
    } else if (later(file, here)) {
      plan.writes[key] = file;
      plan.n.review += cards;
    }
  }
  function merge(all) {
    var plan = { writes: {}, last: null,
                 n: { first_added: 0, first_earlier: 0, answers_added: 0, lab_attempts: 0, conversations: 0, review: 0, other: 0, markup: 0 } };
    Object.keys(all).forEach(function (key) {
      if (key === RECORD_KEY) mergeRecord(all[key], plan);
      else if (key === LAB_KEY) mergeLab(all[key], plan);
      else if (key.indexOf(QUIZ_PREFIX) === 0) mergeQuiz(key, all[key], plan);
      else if (REVIEW_KEY.test(key)) mergeReview(key, all[key], plan);
      else if (readJSON(key) === null) { plan.writes[key] = all[key]; plan.n.other++; }
    });
    return plan;
  }

  /* ---------- Load: check, merge, show, then write only on "Load it" */
  var CHANGES = [["first_added", "change_first_added"], ["first_earlier", "change_first_earlier"],
                 ["answers_added", "change_answers_added"], ["lab_attempts", "change_lab_attempts"],
                 ["conversations", "change_conversations"], ["review", "change_review"], ["other", "change_other"]];
  function hidePreview() {
    pending = null;
    preview.hidden = true;
  }
  function examine(content, name) {
    var file;
    try { file = JSON.parse(content); } catch (e) { return fail("error_damaged"); }
    if (!isObject(file) || file.format !== FORMAT) return fail("error_not_progress");
    if (typeof file.version !== "number" || Math.floor(file.version) !== file.version || file.version < 1) return fail("error_damaged");
    if (file.version > data.version) return fail("error_newer", { version: file.version, supported: data.version });
    if (!isObject(file.guide) || typeof file.guide.id !== "string") return fail("error_damaged");
    if (file.guide.id !== data.guide) {
      var title = typeof file.guide.title === "string" && file.guide.title.trim() ? file.guide.title : file.guide.id;
      return fail("error_other_guide", { title: "\u201c" + title.slice(0, 120) + "\u201d" });
    }
    if (!isObject(file.data)) return fail("error_damaged");
    try { checkData(file.data); } catch (problem) {
      if (!(problem instanceof Fault)) return fail("error_damaged");
      return fail(problem.unknown ? "error_unknown" : "error_entry", { where: problem.where });
    }
    var plan = merge(file.data), lines = [];
    CHANGES.forEach(function (change) { if (plan.n[change[0]]) lines.push(say(change[1], { n: plan.n[change[0]] })); });
    if (plan.last !== null) lines.push(say("change_last", { title: "\u201c" + plan.last + "\u201d" }));
    if (plan.n.markup) lines.push(say("markup_dropped", { n: plan.n.markup }));
    hidePreview();
    if (!lines.length) return show(say("nothing_new"));
    var saved = typeof file.saved === "string" ? new Date(file.saved) : null;
    var date = saved && isFinite(saved.getTime())
      ? saved.toLocaleDateString(document.documentElement.lang || undefined, { year: "numeric", month: "long", day: "numeric" }) : "?";
    document.getElementById("progress-file-what").textContent = say("preview_intro", { date: date });
    var changes = document.getElementById("progress-file-changes");
    changes.textContent = "";
    lines.forEach(function (line) {
      var item = document.createElement("li");
      item.textContent = line;
      changes.appendChild(item);
    });
    show("");
    preview.hidden = false;
    pending = { writes: plan.writes, name: name };
    document.getElementById("progress-file-apply").focus();
  }
  function apply() {
    if (!pending) return;
    var writes = pending.writes, name = pending.name, before = {}, keys = Object.keys(writes);
    try {
      keys.forEach(function (key) { before[key] = localStorage.getItem(key); });
      keys.forEach(function (key) { localStorage.setItem(key, JSON.stringify(writes[key])); });
    } catch (e) {
      keys.forEach(function (key) {  // put back what was there: all or nothing
        try {
          if (!(key in before)) return;
          if (before[key] === null) localStorage.removeItem(key); else localStorage.setItem(key, before[key]);
        } catch (ignored) { /* storage unavailable */ }
      });
      return fail("error_storage");
    }
    hidePreview();
    show(say("loaded", { file: name }));
    window.dispatchEvent(new CustomEvent("guide:progress-loaded"));
    document.getElementById("progress-file-load").focus();
  }

  document.getElementById("progress-file-save").addEventListener("click", save);
  document.getElementById("progress-file-load").addEventListener("click", function () { input.click(); });
  input.addEventListener("change", function () {
    var chosen = input.files && input.files[0];
    input.value = "";  // the same file may be chosen again
    if (!chosen) return;
    if (chosen.size > MAX_BYTES) return fail("error_too_big", { size: Math.round(chosen.size / 100000) / 10 + " MB" });
    chosen.text().then(function (content) { examine(content, chosen.name); }, function () { fail("error_damaged"); });
  });
  document.getElementById("progress-file-apply").addEventListener("click", apply);
  document.getElementById("progress-file-cancel").addEventListener("click", function () {
    hidePreview();
    show(say("cancelled"));
    document.getElementById("progress-file-load").focus();
  });
})();
