/* The guide's own behaviour: term tooltips (kept on screen, opened by a tap on touch,
   Escape to dismiss), the record of first answers, the "My progress" page, "continue where
   you left off", each quiz page's score, the phone menu's keyboard access and the light/dark
   switch (the questions' practice loop is assets/practice.js, loaded on quiz pages). Reads and
   writes only this browser's localStorage; sends nothing anywhere. Its words come from
   data/interface.yml. */
(function () {
  "use strict";

  /* ---------- Interface words: data/interface.yml, handed to the page by a hook as
     <script type="application/json" id="strings-SECTION"> (hooks/shared/interface_strings.py) */
  var wordCache = {};
  function words(section) {
    if (!wordCache[section]) {
      var block = document.getElementById("strings-" + section);
      try { wordCache[section] = (block && JSON.parse(block.textContent)) || {}; }
      catch (e) { wordCache[section] = {}; }
    }
    return wordCache[section];
  }
  function filled(template, values) {
    return String(template || "").replace(/\{(\w+)\}/g, function (all, name) {
      return values[name] !== undefined ? String(values[name]) : all;
    });
  }

  /* ---------- Term tooltips (WCAG 2.2 SC 1.4.13). CSS shows a definition on hover and
     focus; this script keeps it inside the visible area, opens it on a first tap (touch
     has no hover: the tap would otherwise follow the link and lose the reader's place),
     and closes it on Escape or a tap elsewhere. */
  var EDGE = 8;           // px kept free between a definition and the viewport's edges
  var lastPointer = "";   // "touch", "pen" or "mouse": what the next click comes from

  function glossOf(node) { return node && node.closest ? node.closest(".gloss") : null; }

  function placeTip(gloss) {
    var tip = gloss.querySelector(".gloss-tip");
    var term = gloss.querySelector(".gloss-term");
    if (!tip || !term) return;
    var view = window.visualViewport;
    var width = document.documentElement.clientWidth, height = document.documentElement.clientHeight;
    var left0 = view ? view.offsetLeft : 0, top0 = view ? view.offsetTop : 0;
    if (view) { width = Math.min(width, view.width); height = Math.min(height, view.height); }
    // the sticky header covers the top of the viewport: a definition goes below it
    var header = document.querySelector(".md-header");
    var covered = header ? header.getBoundingClientRect().bottom - top0 : 0;
    if (covered > 0 && covered < height / 2) { top0 += covered; height -= covered; }
    tip.classList.add("gloss-tip--placed");       // fixed: no ancestor can clip it
    tip.style.maxWidth = "min(22rem, " + Math.max(120, width - 2 * EDGE) + "px)";
    tip.style.left = "0px";
    tip.style.top = "0px";
    var lines = term.getClientRects();
    if (!lines.length) return;
    var first = lines[0], last = lines[lines.length - 1];
    var box = tip.getBoundingClientRect();
    var left = Math.min(Math.max(first.left, left0 + EDGE), left0 + width - EDGE - box.width);
    // below the term if it fits there, else on the side with more room (flipped up near the bottom)
    var roomBelow = top0 + height - EDGE - last.bottom, roomAbove = first.top - top0 - EDGE;
    var top = box.height <= roomBelow || roomBelow >= roomAbove ? last.bottom : first.top - box.height;
    top = Math.min(Math.max(top, top0 + EDGE), top0 + height - EDGE - box.height);
    tip.style.left = Math.max(left, left0 + EDGE) + "px";
    tip.style.top = top + "px";
  }

  function shownGlosses() {
    return document.querySelectorAll(".gloss:hover, .gloss:focus-within, .gloss.gloss--open");
  }
  function placeShown() {
    Array.prototype.forEach.call(shownGlosses(), function (gloss) {
      if (!gloss.classList.contains("gloss--dismissed")) placeTip(gloss);
    });
  }
  function fullEntryLink(gloss) {
    var tip = gloss.querySelector(".gloss-tip");
    var more = tip.querySelector(".gloss-more");
    if (!more) {
      more = document.createElement("a");
      more.className = "gloss-more";
      more.href = gloss.querySelector(".gloss-term").getAttribute("href");
      more.textContent = words("tooltips").full_entry || "";
      tip.appendChild(document.createTextNode(" "));
      tip.appendChild(more);
    }
    return more;
  }
  function closeTapped(except) {
    document.querySelectorAll(".gloss.gloss--open").forEach(function (gloss) {
      if (gloss !== except) gloss.classList.remove("gloss--open");
    });
  }

  document.addEventListener("pointerdown", function (event) {
    lastPointer = event.pointerType || "mouse";
    // a tap or click outside every open definition closes it
    var gloss = glossOf(event.target);
    closeTapped(gloss);
  }, true);
  document.addEventListener("click", function (event) {
    var term = event.target.closest && event.target.closest("a.gloss-term");
    if (!term || (lastPointer !== "touch" && lastPointer !== "pen")) return;
    var gloss = glossOf(term);
    if (gloss.classList.contains("gloss--open")) return;  // a second tap follows the link
    event.preventDefault();
    closeTapped(gloss);
    gloss.classList.remove("gloss--dismissed");
    gloss.classList.add("gloss--open");
    fullEntryLink(gloss);
    placeTip(gloss);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    shownGlosses().forEach(function (gloss) {
      gloss.classList.remove("gloss--open");
      gloss.classList.add("gloss--dismissed");
    });
  });
  function undismiss(event) {
    var gloss = glossOf(event.target);
    if (gloss) gloss.classList.remove("gloss--dismissed");
  }
  document.addEventListener("mouseleave", undismiss, true);
  document.addEventListener("focusout", undismiss, true);
  function placeFromEvent(event) {
    var gloss = glossOf(event.target);
    if (gloss) placeTip(gloss);
  }
  document.addEventListener("mouseover", placeFromEvent);
  document.addEventListener("focusin", placeFromEvent);
  var placing = false;
  function placeSoon() {
    if (placing) return;
    placing = true;
    requestAnimationFrame(function () { placing = false; placeShown(); });
  }
  window.addEventListener("scroll", placeSoon, { passive: true });
  window.addEventListener("resize", placeSoon);

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

  /* ---------- The guide's own record, in this browser only (localStorage "guide_record"):
     each question's FIRST answer, right or wrong (mkdocs-quiz keeps only the latest, and a
     student may try again), and the last page visited: its first unanswered question and
     where the student was reading (the heading, and whether in the questions). Versioned: a value of another
     version or shape is ignored, never trusted. */
  var RECORD_KEY = "guide_record", RECORD_VERSION = 1, QUIZ_PREFIX = "quiz_progress_";

  function isPlainObject(value) { return !!value && typeof value === "object" && !Array.isArray(value); }
  function readRecord() {
    // at: when each first answer was recorded (ms), so that a progress file loaded from
    // another device keeps the earlier one (assets/progress-file.js)
    var record = { version: RECORD_VERSION, first: {}, at: {}, last: null };
    try {
      var saved = JSON.parse(localStorage.getItem(RECORD_KEY));
      if (!isPlainObject(saved) || saved.version !== RECORD_VERSION) return record;
      if (isPlainObject(saved.first)) {
        Object.keys(saved.first).forEach(function (path) {
          var answers = saved.first[path], kept = {};
          if (!isPlainObject(answers)) return;
          Object.keys(answers).forEach(function (id) { if (typeof answers[id] === "boolean") kept[id] = answers[id]; });
          record.first[path] = kept;
        });
      }
      if (isPlainObject(saved.at)) {
        Object.keys(record.first).forEach(function (path) {
          var times = saved.at[path], kept = {};
          if (!isPlainObject(times)) return;
          Object.keys(record.first[path]).forEach(function (id) { if (typeof times[id] === "number") kept[id] = times[id]; });
          record.at[path] = kept;
        });
      }
      var last = saved.last;
      if (isPlainObject(last) && typeof last.path === "string" && last.path.charAt(0) === "/" &&
          typeof last.title === "string" && (last.question === null || typeof last.question === "string") &&
          (last.number === null || typeof last.number === "number")) {
        record.last = { path: last.path, title: last.title, question: last.question, number: last.number };
        // where the student was reading (added later, optional: a record without it, or with a
        // damaged one, goes to the first unanswered question as before)
        if ((last.place === "reading" || last.place === "questions") &&
            (last.heading === null || (typeof last.heading === "string" && /^[\w-]+$/.test(last.heading))) &&
            (last.section === null || typeof last.section === "string")) {
          record.last.place = last.place;
          record.last.heading = last.heading;
          record.last.section = last.section;
        }
      }
    } catch (e) { /* unreadable or unavailable: start afresh */ }
    return record;
  }
  function writeRecord(record) {
    try { localStorage.setItem(RECORD_KEY, JSON.stringify(record)); } catch (e) { /* storage unavailable */ }
  }
  // mkdocs-quiz's saved answers for one page: {quiz-id: correct?} for the answered ones
  function latestAnswers(path) {
    var answers = {};
    try {
      var saved = JSON.parse(localStorage.getItem(QUIZ_PREFIX + path));
      if (!isPlainObject(saved)) return answers;
      Object.keys(saved).forEach(function (id) {
        var quiz = saved[id];
        if (isPlainObject(quiz) && quiz.answered === true && typeof quiz.correct === "boolean") answers[id] = quiz.correct;
      });
    } catch (e) { /* nothing readable saved */ }
    return answers;
  }
  // first answers of a page: the guide's record, plus any answer saved before it kept one
  function firstAnswers(record, path) {
    var first = {}, latest = latestAnswers(path), kept = record.first[path] || {};
    Object.keys(latest).forEach(function (id) { first[id] = latest[id]; });
    Object.keys(kept).forEach(function (id) { first[id] = kept[id]; });
    return first;
  }

  // Read-only, for assets/objectives.js (mastery by objective on "My progress"): a page's
  // first answers {quiz id: right?}, a fresh copy read from the same record
  window.guideFirstAnswers = function (path) { return firstAnswers(readRecord(), String(path)); };

  function pageName() {
    var active = document.querySelector(".md-nav--primary .md-nav__link--active");
    var heading = document.querySelector(".md-content h1");
    return ((active || heading || document).textContent || "").replace(/\s+/g, " ").trim();
  }

  // A page's score, as My progress counts it: of its questions' first answers, how many were
  // right (answers saved for questions the page no longer has do not count)
  function pageScore(record, path, ids) {
    var first = firstAnswers(record, path), answered = 0, correct = 0;
    ids.forEach(function (id) {
      if (typeof first[id] !== "boolean") return;
      answered++;
      if (first[id]) correct++;
    });
    return { answered: answered, correct: correct, total: ids.length };
  }

  function trackQuizPage() {
    var quizzes = document.querySelectorAll(".md-content .quiz[id]");
    if (!quizzes.length) return;
    var path = window.location.pathname;
    var ids = Array.prototype.map.call(quizzes, function (quiz) { return quiz.id; });
    var place = { place: "reading", heading: null, section: null };  // kept up to date by watchReading
    function update() {
      var record = readRecord();
      record.first[path] = firstAnswers(record, path);
      var times = record.at[path] = record.at[path] || {}, now = Date.now();
      Object.keys(record.first[path]).forEach(function (id) { if (!(id in times)) times[id] = now; });
      var latest = latestAnswers(path), next = null, number = null;
      for (var i = 0; i < quizzes.length && next === null; i++) {
        if (!(quizzes[i].id in latest)) { next = quizzes[i].id; number = i + 1; }
      }
      record.last = { path: path, title: pageName(), question: next, number: number,
                      place: place.place, heading: place.heading, section: place.section };
      writeRecord(record);
      showScore(pageScore(record, path, ids));
    }
    var reading = watchReading(quizzes[0], function (now) {
      if (now.heading === place.heading && now.place === place.place) return;
      place = now;
      update();
    });
    // a question answered: the student is in the questions (the observer may not have reported yet)
    document.addEventListener("submit", function (event) {
      if (reading && event.target.closest && event.target.closest(".quiz")) place = reading.questions;
    }, true);
    window.addEventListener("quizProgressUpdate", update);
    // For assets/practice.js: a first try it handled itself (a wrong one, answered with a
    // hint, which mkdocs-quiz never sees). The first answer recorded stays the first.
    window.guideNoteFirstAnswer = function (id, right) {
      var record = readRecord(), first = record.first[path] = firstAnswers(record, path);
      if (typeof first[String(id)] !== "boolean") first[String(id)] = !!right;
      writeRecord(record);
      showScore(pageScore(record, path, ids));
    };
    // For assets/practice.js: "Reset this page's answers" forgets the page's first answers
    // (mkdocs-quiz has already forgotten its own)
    window.guideForgetPage = function () {
      var record = readRecord();
      delete record.first[path];
      writeRecord(record);
      update();
    };
    update();
  }
  /* Where the student is reading: the H2 heading they are in (the last one above a line a
     third of the way down the window), and whether that is the part holding the questions.
     An IntersectionObserver reports only when a heading crosses that line (the root's top
     margin reaches far above the window, so a heading scrolled past in one jump still
     counts as above it): nothing runs while the reader scrolls within a part, and nothing
     moves on the page. `changed` gets {place, heading id, heading text}; returns the place
     of the questions' part. */
  function watchReading(firstQuiz, changed) {
    var headings = Array.prototype.slice.call(document.querySelectorAll(".md-content .md-typeset h2[id]"));
    if (!headings.length || !("IntersectionObserver" in window)) return null;
    // the questions' part: the last heading before the first question
    var questionsFrom = -1;
    headings.forEach(function (heading, i) {
      if (heading.compareDocumentPosition(firstQuiz) & Node.DOCUMENT_POSITION_FOLLOWING) questionsFrom = i;
    });
    var above = headings.map(function () { return false; });
    function placeAt(index) {
      var heading = index >= 0 ? headings[index] : null;
      var text = heading ? Array.prototype.map.call(heading.childNodes, function (node) {
        return node.classList && node.classList.contains("headerlink") ? "" : node.textContent;  // not the "¶"
      }).join("").replace(/\s+/g, " ").trim() : null;
      return { place: questionsFrom >= 0 && index >= questionsFrom ? "questions" : "reading",
               heading: heading ? heading.id : null, section: text };
    }
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) { above[headings.indexOf(entry.target)] = entry.isIntersecting; });
      changed(placeAt(above.lastIndexOf(true)));
    }, { rootMargin: "100000px 0px -66% 0px" });
    headings.forEach(function (heading) { observer.observe(heading); });
    return { questions: questionsFrom >= 0 ? placeAt(questionsFrom) : { place: "questions", heading: null, section: null } };
  }

  // The score line under the questions (hooks/quiz_assets.py), in My progress's words
  function showScore(score) {
    var text = words("quiz"), line = document.querySelector(".quiz-score-text");
    if (line) line.textContent = filled(score.answered ? text.score : text.score_empty, score);
  }

  /* ---------- My progress (hooks/progress_page.py writes one item per page) */
  function pageStatus(questions, answered, correct) {
    if (answered === 0) return "not_started";
    if (answered < questions) return "in_progress";
    return correct < questions ? "to_review" : "mastered";
  }
  function fillProgress(summary) {
    var text = words("progress"), record = readRecord();
    var total = 0, answered = 0, correct = 0;
    document.querySelectorAll(".progress-item").forEach(function (item) {
      var link = item.querySelector("a.progress-link");
      var questions = parseInt(item.getAttribute("data-questions"), 10) || 0;
      var first = firstAnswers(record, new URL(link.getAttribute("href"), window.location.href).pathname);
      // mkdocs-quiz numbers a page's questions quiz-0, quiz-1...: answers saved for questions
      // the page no longer has (an author removed some) do not count
      var ids = Object.keys(first).filter(function (id) {
        var number = /^quiz-(\d+)$/.exec(id);
        return number && Number(number[1]) < questions;
      });
      var pageAnswered = Math.min(ids.length, questions);
      var pageCorrect = Math.min(ids.filter(function (id) { return first[id]; }).length, questions);
      var status = pageStatus(questions, pageAnswered, pageCorrect);
      total += questions;
      answered += pageAnswered;
      correct += pageCorrect;
      var badge = item.querySelector(".progress-status");
      badge.setAttribute("data-status", status.replace("_", "-"));
      badge.textContent = text[status] || status;
      item.querySelector(".progress-counts").textContent =
        filled(text.counts, { answered: pageAnswered, total: questions, correct: pageCorrect });
    });
    summary.textContent = filled(answered ? text.summary : text.summary_empty,
      { answered: answered, total: total, correct: correct });
  }
  function resetProgress(summary) {
    if (!window.confirm(words("progress").reset_confirm)) return;
    try {
      for (var i = localStorage.length - 1; i >= 0; i--) {
        var key = localStorage.key(i);
        if (key && (key.indexOf(QUIZ_PREFIX) === 0 || key === RECORD_KEY)) localStorage.removeItem(key);
      }
    } catch (e) { /* storage unavailable: nothing to reset */ }
    fillProgress(summary);
    summary.textContent += " " + (words("progress").reset_done || "");
  }
  function initProgressPage() {
    var summary = document.getElementById("progress-summary");
    if (!summary) return;
    fillProgress(summary);
    var reset = document.getElementById("progress-reset");
    if (reset) reset.addEventListener("click", function () { resetProgress(summary); });
    // a progress file was loaded (assets/progress-file.js): count again
    window.addEventListener("guide:progress-loaded", function () { fillProgress(summary); });
  }

  /* ---------- "Continue where you left off" (the home page's <p id="guide-continue">) */
  function initContinue() {
    var place = document.getElementById("guide-continue");
    var last = place && readRecord().last;
    if (!last) return;
    var text = words("progress");
    var link = document.createElement("a");
    var page = new URL(last.path, window.location.href).pathname;
    if (last.place === "reading") {  // back to the heading where reading stopped (or the page's top)
      link.href = page + (last.heading ? "#" + last.heading : "");
      link.textContent = last.heading ? filled(text.continue_reading, { title: last.title, heading: last.section || "" })
        : last.title;
    } else {  // in the questions (or a record from before places were kept): the first unanswered one
      link.href = page + (last.question ? "#" + last.question : "");
      link.textContent = last.question ? filled(text.continue_question, { title: last.title, n: last.number })
        : filled(text.continue_review, { title: last.title });
    }
    place.textContent = (text.continue_label || "") + " ";
    place.appendChild(link);
    place.hidden = false;
  }

  /* ---------- Keyboard: Material's header buttons for the menu and search are <label>s of
     hidden checkboxes, which Tab skips and which may not take a button's role. Each gets a
     real <button> in its place, which clicks the label (so Material's own handlers still run);
     the label stays, hidden, for Material's script. What they open takes no focus while closed
     (Material only slides or shrinks it out of sight, where Tab would walk through it
     unseen): the drawer at phone and tablet width, search's box at phone width, and
     search's empty results at every width. */
  function headerButton(toggleId) {
    var label = document.querySelector('.md-header label.md-header__button[for="' + toggleId + '"]');
    if (!label) return null;
    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className;
    button.setAttribute("data-guide-toggle", toggleId);  // guide.css: shown where the label was
    while (label.firstChild) button.appendChild(label.firstChild);  // the icon
    button.addEventListener("click", function () { label.click(); });
    label.parentNode.insertBefore(button, label);
    label.hidden = true;
    return button;
  }
  function keyboardPanel(toggleId, button, panel, hiddenWhen) {
    var toggle = document.getElementById(toggleId);
    if (!toggle || !panel) return null;
    function sync() {
      var hidden = hiddenWhen(toggle.checked);
      panel.inert = hidden;
      if (button) button.setAttribute("aria-expanded", String(toggle.checked));
    }
    toggle.addEventListener("change", sync);
    sync();
    return { toggle: toggle, sync: sync };
  }
  // the first link or control of `container` that is on screen (not in a panel moved aside)
  function firstShown(container) {
    var candidates = container.querySelectorAll("a[href], button, input:not([type=checkbox]):not([type=radio])");
    return Array.prototype.find.call(candidates, function (el) {
      return el.checkVisibility ? el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) : el.offsetParent !== null;
    });
  }
  /* In the menu at phone and tablet width, Material slides each chapter, and the page's
     contents, over the list as a panel of its own, opened by a label that Tab skips; a
     closed panel is only moved aside and made transparent, and an open one covers the list.
     Tab walked through links nobody could see (the menu even scrolled sideways, blank). Now
     the panels follow the keyboard's focus: a panel opens when focus enters it and closes
     when focus leaves it, so every link of the menu is reached, and seen, in order. */
  function followFocusInMenu(drawer, narrowMenu) {
    var toggles = Array.prototype.slice.call(drawer.querySelectorAll("input.md-nav__toggle"));
    drawer.addEventListener("focusin", function (event) {
      if (!narrowMenu.matches || !event.target.matches(":focus-visible")) return;  // keyboard only
      toggles.forEach(function (toggle) {
        var panel = toggle.parentElement.querySelector(":scope > nav.md-nav");
        if (panel && toggle.checked !== panel.contains(event.target)) toggle.click();
      });
      // undo the sideways scroll the browser made to reach a link in a panel still aside
      for (var node = event.target; node && node !== drawer.parentElement; node = node.parentElement) {
        if (node.scrollLeft) node.scrollLeft = 0;
      }
    });
  }
  function initHeaderButtons() {
    var drawer = document.querySelector(".md-sidebar--primary");
    var menuButton = headerButton("__drawer");
    var narrowMenu = window.matchMedia("(max-width: 76.2344em)");  // Material's drawer breakpoint
    var menu = keyboardPanel("__drawer", menuButton, drawer, function (open) { return narrowMenu.matches && !open; });
    if (menu) {
      narrowMenu.addEventListener("change", menu.sync);
      // named as Material names the menu it opens (its own translated word)
      var nav = drawer.querySelector("nav[aria-label]");
      if (menuButton && nav && !menuButton.getAttribute("aria-label")) menuButton.setAttribute("aria-label", nav.getAttribute("aria-label"));
      menu.toggle.addEventListener("change", function () {
        // opened from the keyboard, focus moves into the menu: into the panel in front
        // (Material opens the menu on the current chapter), not onto the list it covers.
        // (Opened by touch or mouse, focus stays: a link focused there would look selected.)
        if (!menu.toggle.checked || !(menuButton && menuButton.matches(":focus-visible"))) return;
        var panels = drawer.querySelectorAll("input.md-nav__toggle:checked ~ nav.md-nav");
        var first = firstShown(panels.length ? panels[panels.length - 1] : drawer) || firstShown(drawer);
        if (first) first.focus();
      });
      followFocusInMenu(drawer, narrowMenu);
      // Tab past the menu's last link (or back past its first) closes it: what takes focus
      // next would otherwise sit behind the menu and its shade
      drawer.addEventListener("focusout", function (event) {
        var next = event.relatedTarget;
        if (!narrowMenu.matches || !menu.toggle.checked || !next || drawer.contains(next) || next === menuButton) return;
        menu.toggle.click();
      });
      drawer.addEventListener("keydown", function (event) {
        if (event.key !== "Escape" || !menu.toggle.checked) return;
        menu.toggle.click();
        if (menuButton) menuButton.focus();
      });
    }
    var searchButton = headerButton("__search");
    var narrowSearch = window.matchMedia("(max-width: 59.9844em)");  // Material's search overlay breakpoint
    var searchBox = keyboardPanel("__search", searchButton, document.querySelector(".md-search"),
      function (open) { return narrowSearch.matches && !open; });
    var results = keyboardPanel("__search", null, document.querySelector(".md-search__output"),
      function (open) { return !open; });
    var input = document.querySelector(".md-search__input");
    if (searchBox && input) {
      narrowSearch.addEventListener("change", searchBox.sync);
      // Material focuses the field on the label's click, before the box stops being inert
      // (on a phone, the keyboard would not open): focus it once the box is open
      searchBox.toggle.addEventListener("change", function () {
        if (searchBox.toggle.checked && document.activeElement !== input) input.focus();
      });
    }
    if (searchButton && input && !searchButton.getAttribute("aria-label"))
      searchButton.setAttribute("aria-label", input.getAttribute("aria-label") || "");
    if (searchBox && searchButton && input) keyboardSearch(searchBox.toggle, searchButton, input, narrowSearch);
    return results;
  }

  /* At phone width search covers the page, as a dialog: Tab and Shift+Tab move through the
     field and the results (Material would close search on Tab, and focus would land on the
     page hidden behind), and Escape closes it with focus back on the Search button (Material
     leaves it on the page's body). Material's own key handler listens on the window, so this
     one, capturing there first, keeps those keys from it. */
  function keyboardSearch(toggle, button, input, narrow) {
    var results = document.querySelector(".md-search-result");
    window.addEventListener("keydown", function (event) {
      if (!toggle.checked || !narrow.matches || event.metaKey || event.ctrlKey || event.altKey) return;
      var active = document.activeElement;
      if (event.key === "Escape") {
        event.stopPropagation();
        event.preventDefault();
        toggle.click();  // closed as by Material's own label: its handlers run
        button.focus();
      } else if (event.key === "Tab") {
        event.stopPropagation();
        event.preventDefault();
        // the stops Material's arrow keys go through: the field, each result, "more" toggles
        var stops = [input].concat(Array.prototype.slice.call(results ?
          results.querySelectorAll(":not(details) > [href], summary, details[open] [href]") : []));
        var at = Math.max(0, stops.indexOf(active));
        stops[(at + (event.shiftKey ? -1 : 1) + stops.length) % stops.length].focus();
      } else if (event.key === "Shift" && active !== input) {
        event.stopPropagation();  // Material would move focus back to the field before Shift+Tab
      }
    }, true);
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

  /* ---------- Cards due today, on the home page and My progress (hooks/review_page.py puts
     <span data-review-due> there, its words in attributes): read from assets/review.js's
     localStorage "guide_review" (its shape is described at the top of that script), plus
     the questions first answered wrong that the review has not shown yet */
  function initReviewDue() {
    var place = document.querySelector("[data-review-due]");
    if (!place) return;
    var review = {}, cards = {}, n = 0, end = new Date().setHours(23, 59, 59, 999);
    var root = new URL(place.getAttribute("data-review-root"), window.location.href).pathname;
    try { review = JSON.parse(localStorage.getItem("guide_review")) || {}; } catch (e) { /* none saved */ }
    if (review.version === 1 && isPlainObject(review.cards)) cards = review.cards;
    Object.keys(cards).forEach(function (id) {
      if (isPlainObject(cards[id]) && !cards[id].held && cards[id].due <= end) n++;
    });
    var record = readRecord(), day = new Date(), fresh = 0;
    Object.keys(record.first).forEach(function (path) {
      Object.keys(record.first[path]).forEach(function (id) {
        if (record.first[path][id] === false && path.indexOf(root) === 0 && !cards["q:" + path.slice(root.length) + "#" + id]) n++;
      });
    });
    day = day.getFullYear() + "-" + ("0" + (day.getMonth() + 1)).slice(-2) + "-" + ("0" + day.getDate()).slice(-2);
    if (review.day === day && typeof review.fresh === "number") fresh = review.fresh;
    if (typeof review.waiting === "number") n += Math.max(0, Math.min(review.waiting, 20 - fresh));  // review.js's NEW_A_DAY
    place.textContent = filled(place.getAttribute(n === 0 ? "data-due-count-none" : n === 1 ? "data-due-count-one" : "data-due-count-many"), { n: n });
  }

  function init() {
    initPalette();
    initHeaderButtons();
    trackQuizPage();
    initProgressPage();
    initContinue();
    initReviewDue();
  }
  // The language switch leads to the same part of the page in the other edition (the editions
  // keep the same heading ids): the link takes the part being read when it is followed.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-guide-language]");
    if (link && location.hash) link.hash = location.hash;
  });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
