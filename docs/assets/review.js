/* Spaced review and the practice test (the Review and Practice test pages that
   hooks/review_page.py writes; loaded on those two pages only, after guide.js and fsrs.js).
   Budget: 16 KB for this file once minified (fsrs.js adds about 3 KB).

   Storage: localStorage "guide_review", this script's own (guide.js only reads it, to count
   the cards due on the home page and My progress; a progress file may carry it whole):
     { "version": 1,
       "cards": { "<card id>": { "state": 1|2|3, "step": n|null, "s": n|null, "d": n|null,
                                 "due": ms, "last": ms|null, "held": true (optional) } },
       "scope": "studied" | "all",    which glossary terms make cards
       "sections": ["<page URL>"],    sections whose terms the student added from their page
       "day": "YYYY-MM-DD", "fresh": n,   new glossary cards started that day (NEW_A_DAY at most)
       "waiting": n }                 new glossary cards not started yet, when last counted
   A card id is "q:<page URL from the site root>#quiz-<n>" (a question of that page) or
   "g:<glossary term id>:<td|dt|ef|fe>" (term to definition, definition to term, English to
   French, French to English). state, step, s (stability), d (difficulty), due and last (times
   in ms since 1970) are assets/fsrs.js's. "held": a question whose next interval reached
   HELD_DAYS; it leaves the review. A value saved by another version is neither read nor
   overwritten (a newer guide's schedule survives a visit to an older copy); a card of the
   wrong shape is dropped, never trusted. First answers come from guide.js ("guide_record"); this script never changes
   them, so a practice test leaves My progress as it was. Nothing leaves the browser. */
(function () {
  "use strict";
  var app = document.getElementById("review-app"), F = window.GuideFSRS;
  if (!app || !F) return;
  var KEY = "guide_review", VERSION = 1, NEW_A_DAY = 20, HELD_DAYS = 21, MINUTE = 60000, DAY = 86400000;
  var DIRS = ["td", "ef", "dt", "fe"];
  var W = words("review"), P = words("practice");
  var status = document.getElementById("review-status");
  var root = new URL(app.getAttribute("data-root") || "./", location.href);
  var data, store, firstCache = {}, foreign = false;  // foreign: saved by another version, left untouched

  function words(section) {
    var block = document.getElementById("strings-" + section);
    try { return JSON.parse(block.textContent) || {}; } catch (e) { return {}; }
  }
  function filled(template, values) {
    return String(template || "").replace(/\{(\w+)\}/g, function (all, name) {
      return values[name] !== undefined ? String(values[name]) : all;
    });
  }
  function el(tag, cls, text, parent) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    if (parent) parent.appendChild(node);
    return node;
  }
  function button(text, parent, cls) {
    var b = el("button", "md-button" + (cls ? " " + cls : ""), text, parent);
    b.type = "button";
    return b;
  }
  function isObj(v) { return !!v && typeof v === "object" && !Array.isArray(v); }
  function num(v) { return typeof v === "number" && isFinite(v); }
  function numOrNull(v) { return v === null || num(v); }
  function today() {
    var d = new Date();
    return d.getFullYear() + "-" + ("0" + (d.getMonth() + 1)).slice(-2) + "-" + ("0" + d.getDate()).slice(-2);
  }
  function endOfToday() { var d = new Date(); d.setHours(23, 59, 59, 999); return d.getTime(); }
  function when(ms) {
    return new Date(ms).toLocaleString(document.documentElement.lang || undefined,
      { weekday: "short", day: "numeric", month: "short", hour: "numeric", minute: "2-digit" });
  }
  function shuffled(list) {
    var a = list.slice();
    for (var i = a.length - 1; i > 0; i--) { var j = Math.floor(Math.random() * (i + 1)), t = a[i]; a[i] = a[j]; a[j] = t; }
    return a;
  }

  /* ---------- Storage */
  function validCard(c) {
    return isObj(c) && [1, 2, 3].indexOf(c.state) >= 0 && num(c.due) && numOrNull(c.step) &&
      numOrNull(c.s) && numOrNull(c.d) && numOrNull(c.last) && (c.s === null) === (c.d === null);
  }
  function load() {
    var s = { version: VERSION, cards: {}, scope: "studied", sections: [], day: "", fresh: 0, waiting: 0 };
    try {
      var saved = JSON.parse(localStorage.getItem(KEY));
      if (isObj(saved) && saved.version !== VERSION) foreign = true;
      if (!isObj(saved) || saved.version !== VERSION) return s;
      if (isObj(saved.cards)) Object.keys(saved.cards).forEach(function (id) {
        var c = saved.cards[id];
        if (/^[qg]:/.test(id) && validCard(c)) {
          s.cards[id] = { state: c.state, step: c.step, s: c.s, d: c.d, due: c.due, last: c.last };
          if (c.held === true) s.cards[id].held = true;
        }
      });
      if (saved.scope === "all") s.scope = "all";
      if (Array.isArray(saved.sections)) s.sections = saved.sections.filter(function (x) { return typeof x === "string"; });
      if (typeof saved.day === "string" && num(saved.fresh)) { s.day = saved.day; s.fresh = saved.fresh; }
    } catch (e) { /* unreadable or unavailable: start afresh */ }
    return s;
  }
  function save() {
    if (!foreign) try { localStorage.setItem(KEY, JSON.stringify(store)); } catch (e) { /* storage unavailable */ }
  }

  /* ---------- The cards: missed questions, and glossary terms of the chosen sections */
  function firstAnswers(page) {
    if (!firstCache[page.u]) {
      var path = new URL(page.u, root).pathname;
      firstCache[page.u] = window.guideFirstAnswers ? window.guideFirstAnswers(path) : {};
    }
    return firstCache[page.u];
  }
  function questionId(q) { return "q:" + data.pages[q.p].u + "#" + q.id; }
  function studied(pageIndex) {
    var page = data.pages[pageIndex];
    return store.scope === "all" || store.sections.indexOf(page.u) >= 0 || Object.keys(firstAnswers(page)).length > 0;
  }
  // every card today's list could hold: {id, q (a question) or term and dir, card (null: new)}
  function allCards() {
    var list = [];
    data.questions.forEach(function (q) {
      var id = questionId(q), card = store.cards[id];
      if (card ? !card.held : firstAnswers(data.pages[q.p])[q.id] === false) list.push({ id: id, q: q, card: card || null });
    });
    var fresh = [];
    data.terms.forEach(function (term, n) {
      var wanted = studied(term.p);
      DIRS.forEach(function (dir, k) {  // a card once started stays, whatever the choice of terms
        var id = "g:" + term.id + ":" + dir, card = store.cards[id];
        if (card) list.push({ id: id, term: term, dir: dir, card: card });
        else if (wanted) fresh.push({ id: id, term: term, dir: dir, card: null, order: n + 3 * k });  // a term's four cards spread apart
      });
    });
    fresh.sort(function (a, b) { return a.order - b.order; });
    return { cards: list, fresh: fresh };
  }
  function queue(now) {
    var all = allCards();
    if (store.day !== today()) { store.day = today(); store.fresh = 0; }
    var room = Math.max(0, NEW_A_DAY - store.fresh);
    var due = all.cards.filter(function (c) { return !c.card || c.card.due <= now; });
    due.sort(function (a, b) { return (a.card ? a.card.due : now) - (b.card ? b.card.due : now); });
    var later = all.cards.filter(function (c) { return c.card && c.card.due > now && c.card.due <= endOfToday(); });
    var next = all.cards.reduce(function (min, c) { return c.card && c.card.due > now && c.card.due < min ? c.card.due : min; }, Infinity);
    store.waiting = all.fresh.length;
    return { due: due.concat(all.fresh.slice(0, room)), later: later.length, next: next };
  }

  /* ---------- A question, as a form: options (shuffled) or blanks; graded on demand */
  function normalForm(text) {  // as guide.js compares a blank's forms
    return String(text).normalize("NFC").toLowerCase().replace(/[\u2010\u2011\u2012\u2013-]/g, " ")
      .replace(/\s+/g, " ").trim().replace(/\.$/, "").trim()
      .replace(/^(?:(?:a|an|the|le|la|les|un|une) |l['\u2019] ?)/, "");
  }
  var formCount = 0;
  function questionForm(q, parent) {
    var name = "review-q" + (++formCount), inputs = [], box = el("div", "review-question", undefined, parent);
    if (q.t === "blank") {
      var stem = el("p", "review-stem", undefined, box);
      q.q.forEach(function (text, i) {
        stem.appendChild(document.createTextNode(text + " "));
        if (i < q.b.length) {
          var input = el("input", "review-blank", undefined, stem);
          input.type = "text";
          input.autocomplete = "off";
          input.setAttribute("aria-label", W.your_answer + (q.b.length > 1 ? " " + (i + 1) : ""));
          inputs.push(input);
          stem.appendChild(document.createTextNode(" "));
        }
      });
    } else {
      var fieldset = el("fieldset", "review-options", undefined, box);
      el("legend", "review-stem", q.q, fieldset);
      shuffled(q.o.map(function (o, i) { return i; })).forEach(function (i) {
        var label = el("label", "review-option", undefined, fieldset);
        var input = el("input", "", undefined, label);
        input.type = q.t === "many" ? "checkbox" : "radio";
        input.name = name;
        input.value = i;
        el("span", "", q.o[i][0], label);
        inputs.push(input);
      });
    }
    return {
      box: box,
      answered: function () { return inputs.some(function (i) { return i.type === "text" ? i.value.trim() : i.checked; }); },
      grade: function () {  // marks the answer, shows the right one and the explanation; returns right?
        var right;
        if (q.t === "blank") {
          right = inputs.every(function (input, i) {
            return q.b[i].some(function (form) { return normalForm(form) === normalForm(input.value); });
          });
          el("p", "review-right-answer", W.correct_answer + " " + q.b.map(function (forms) { return forms[0]; }).join("; "), box);
        } else {
          right = inputs.every(function (input) { return input.checked === (q.o[input.value][1] === 1); });
          inputs.forEach(function (input) {
            var ok = q.o[input.value][1] === 1, label = input.parentNode;
            if (ok) { label.classList.add("review-option--right"); el("strong", "", " " + W.correct_mark, label.lastChild); }
            else if (input.checked) label.classList.add("review-option--wrong");
          });
        }
        inputs.forEach(function (input) { input.disabled = true; });
        var verdict = el("p", "review-verdict", right ? W.right : W.wrong);
        verdict.setAttribute("data-right", String(right));
        verdict.tabIndex = -1;
        box.insertBefore(verdict, box.firstChild.nextSibling);
        el("p", "review-explanation", q.e, box);
        var more = el("p", "review-more", undefined, box);
        el("a", "", filled(W.read_section, { section: data.pages[q.p].t }), more).href = new URL(q.h, root).href;
        return right;
      }
    };
  }

  /* ---------- The Review page: today's cards, one at a time */
  var live;
  function say(text) { live.textContent = ""; setTimeout(function () { live.textContent = text; }, 50); }
  function showStatus(list) {
    var parts = [list.due.length ? filled(W.due_now, { n: list.due.length }) : W.none_due];
    if (list.later) parts.push(filled(W.later_today, { n: list.later }));
    if (!list.due.length && list.next < Infinity) parts.push(filled(W.next_due, { date: when(list.next) }));
    status.textContent = parts.join(" ");
  }
  function intervalText(ms) {
    return ms < DAY ? filled(W.in_minutes, { n: Math.max(1, Math.round(ms / MINUTE)) }) : filled(W.in_days, { n: Math.round(ms / DAY) });
  }
  function showCard(area, focus) {
    var now = Date.now(), list = queue(now), item = list.due[0];
    save();
    showStatus(list);
    area.textContent = "";
    if (!item) {
      var done = el("p", "review-done", W.all_done, area);
      done.tabIndex = -1;
      if (focus) done.focus();
      return;
    }
    var card = el("section", "review-card", undefined, area);
    card.setAttribute("data-card", item.id);
    el("p", "review-kind", item.q ? W.kind_question : W["kind_" + item.dir], card);
    var prompt = el("h2", "review-prompt", undefined, card);
    prompt.id = "review-prompt";
    prompt.tabIndex = -1;
    var rate = el("fieldset", "review-rate");
    el("legend", "", W.rate_legend, rate);
    function reveal(shown) {  // the answer takes focus (a screen reader reads it); Tab reaches the ratings
      card.appendChild(rate);
      shown.tabIndex = -1;
      shown.focus();
    }
    if (item.q) {
      prompt.textContent = W.kind_question + (W.colon || ": ") + data.pages[item.q.p].t;
      var form = questionForm(item.q, card), check = button(W.check, card, "md-button--primary");
      check.addEventListener("click", function () {
        if (!form.answered()) { form.box.querySelector("input").focus(); return; }
        form.grade();
        check.remove();
        reveal(form.box.querySelector(".review-verdict"));
      });
    } else {
      var t = item.term, d = item.dir;
      prompt.textContent = d === "td" || d === "ef" ? t.t : d === "fe" ? t.f : t.d;
      if (d === "fe") prompt.lang = "fr-CA";
      if (d === "dt") prompt.classList.add("review-prompt--long");
      var show = button(W.show_answer, card, "md-button--primary");
      show.addEventListener("click", function () {
        var answer = el("p", "review-answer", d === "td" ? t.d : d === "ef" ? t.f : t.t);
        if (d === "ef") answer.lang = "fr-CA";
        card.replaceChild(answer, show);
        reveal(answer);
      });
    }
    [["again", F.AGAIN], ["hard", F.HARD], ["good", F.GOOD], ["easy", F.EASY]].forEach(function (pair) {
      var next = F.review(item.card || F.newCard(now), pair[1], now);
      var b = button("", rate, "review-rate-" + pair[0]);
      el("span", "review-rate-name", W[pair[0]], b);
      el("span", "review-rate-when", intervalText(next.due - now), b);
      b.setAttribute("data-rating", String(pair[1]));
      b.addEventListener("click", function () { rateCard(item, pair[1], area); });
    });
    if (focus) prompt.focus();
  }
  function rateCard(item, rating, area) {
    var now = Date.now(), next = F.review(item.card || F.newCard(now), rating, now);
    if (!item.card && !item.q) store.fresh += 1;
    if (item.q && next.state === 2 && next.due - now >= HELD_DAYS * DAY) next.held = true;
    store.cards[item.id] = next;
    showCard(area, true);
    say((next.held ? W.held + " " : "") + filled(W.rated, { date: when(next.due) }));
  }
  function scopeChooser(area) {
    var box = el("fieldset", "review-scope");
    el("legend", "", W.scope_legend, box);
    ["studied", "all"].forEach(function (scope) {
      var label = el("label", "", undefined, box), input = el("input", "", undefined, label);
      input.type = "radio";
      input.name = "review-scope";
      input.value = scope;
      input.checked = store.scope === scope;
      el("span", "", W["scope_" + scope], label);
      input.addEventListener("change", function () { store.scope = scope; save(); showCard(area, false); });
    });
    el("p", "review-note", filled(W.new_limit, { n: NEW_A_DAY }), box);
    return box;
  }
  function addSection() {
    var wanted = new URLSearchParams(location.search).get("add");
    if (!wanted) return "";
    history.replaceState(null, "", location.pathname + location.hash);
    var index = data.pages.findIndex(function (p) { return p.u === wanted; });
    var n = data.terms.filter(function (t) { return t.p === index; }).length;
    if (index < 0 || !n) return "";
    if (store.sections.indexOf(wanted) < 0) store.sections.push(wanted);
    return filled(W.added, { n: n, section: data.pages[index].t });
  }
  function startReview() {
    var added = addSection();
    var area = el("div", "review-area", undefined, app);
    app.appendChild(scopeChooser(area));
    showCard(area, false);
    if (added) say(added);
    document.addEventListener("keydown", function (event) {  // 1-4 rate, as in Anki
      var b = /^[1-4]$/.test(event.key) && !/^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName) &&
        area.querySelector('.review-rate button[data-rating="' + event.key + '"]');
      if (b) { event.preventDefault(); b.click(); }
    });
  }

  /* ---------- The practice test: chosen chapters, n questions, scored at the end */
  function startTest() {
    var setup = el("form", "review-setup", undefined, app), chapters = el("fieldset", "", undefined, setup);
    el("legend", "", P.chapters, chapters);
    data.chapters.forEach(function (c) {
      if (!data.questions.some(function (q) { return data.pages[q.p].c === c.c; })) return;
      var label = el("label", "", undefined, chapters), input = el("input", "", undefined, label);
      input.type = "checkbox";
      input.value = c.c;
      input.checked = true;
      el("span", "", c.t, label);
    });
    var countLabel = el("label", "review-count", P.count + " ", setup), count = el("select", "", undefined, countLabel);
    [5, 10, 20, 30, 50].forEach(function (n) { var o = el("option", "", String(n), count); o.value = n; o.selected = n === 10; });
    var start = el("button", "md-button md-button--primary", P.start, setup);
    start.type = "submit";
    var test = el("div", "review-test", undefined, app);
    status.textContent = "";
    setup.addEventListener("submit", function (event) {
      event.preventDefault();
      var chosen = Array.prototype.filter.call(chapters.querySelectorAll("input"), function (i) { return i.checked; })
        .map(function (i) { return i.value; });
      if (!chosen.length) { status.textContent = P.none_chosen; return; }
      var pool = data.questions.filter(function (q) { return chosen.indexOf(data.pages[q.p].c) >= 0; });
      setup.hidden = true;
      runTest(shuffled(pool).slice(0, Number(count.value)), test, setup);
    });
  }
  function runTest(questions, test, setup) {
    test.textContent = "";
    var list = el("ol", "review-test-list", undefined, test), warned = false;
    var forms = questions.map(function (q, n) {
      var item = el("li", "review-test-item", undefined, list);
      item.setAttribute("data-card", questionId(q));
      el("p", "review-kind", filled(P.question, { n: n + 1, m: questions.length }), item);
      return questionForm(q, item);
    });
    var finish = button(P.finish, test, "md-button--primary");
    var warning = el("p", "review-warning", "", test);  // next to the button, where the eye is
    warning.setAttribute("role", "status");
    status.textContent = "";
    list.querySelector("input").focus();
    finish.addEventListener("click", function () {
      var blank = forms.filter(function (f) { return !f.answered(); }).length;
      if (blank && !warned) { warned = true; warning.textContent = filled(P.unanswered, { n: blank }); return; }
      warning.remove();
      var now = Date.now(), missed = 0, right = 0;
      store = load();  // what another tab saved since the page opened is kept
      forms.forEach(function (form, n) {
        if (form.grade()) { right += 1; return; }
        var id = questionId(questions[n]), card = store.cards[id];
        if (!card || card.held) store.cards[id] = F.newCard(now);
        else card.due = Math.min(card.due, now);  // due again at once
        missed += 1;
      });
      save();
      finish.remove();
      var summary = el("div", "review-summary");
      test.insertBefore(summary, list);
      var heading = el("h2", "", filled(P.score, { right: right, total: questions.length }), summary);
      heading.tabIndex = -1;
      var note = el("p", "", missed ? filled(P.missed_added, { n: missed }) : P.missed_none, summary);
      if (missed) { note.appendChild(document.createTextNode(" ")); el("a", "", P.open_review, note).href = app.getAttribute("data-review") || "../review/"; }
      status.textContent = "";
      var again = button(P.again, test);
      again.addEventListener("click", function () { test.textContent = ""; setup.hidden = false; setup.querySelector("input").focus(); });
      heading.focus();
    });
  }
  /* ---------- Start: the data file (or, in the offline edition, its copy in the page) */
  function begin(loaded) {
    data = loaded;
    store = load();
    app.removeAttribute("aria-busy");
    live = el("p", "review-live", undefined, app);
    live.setAttribute("aria-live", "polite");
    if (app.getAttribute("data-mode") === "test") startTest();
    else startReview();
  }
  function failed() { status.textContent = W.load_failed; app.removeAttribute("aria-busy"); }
  var inline = document.getElementById("review-data");
  if (inline) {
    try { begin(JSON.parse(inline.textContent)); } catch (e) { failed(); }
  } else {
    fetch(app.getAttribute("data-src")).then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (d) { if (!isObj(d) || d.version !== 1) throw new Error("version"); begin(d); }).catch(failed);
  }
})();
