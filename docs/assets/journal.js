/* The practice journal page: the student's name and course, then everything this browser
   saved (Skills lab attempts with the exercise's situation and model responses, each
   conversation's path and ending, worked-example tries, reflection answers), ready to print,
   save as PDF or download as Markdown. Loaded only on that page (hooks/practice_journal.py),
   which hands it the guide's content ("journal-content") and its words ("strings-journal",
   "strings-lab"). It only reads the lab's (assets/lab.js) and the pages' (assets/writing.js)
   storage, and writes only the name and course. Every text goes in as text, never as markup. */
(function () {
  "use strict";
  var KEY = "guide-journal-v1", LAB = "guide-lab-v1", WRITING = "guide-writing-v1";
  function json(id) {
    try { return JSON.parse(document.getElementById(id).textContent) || {}; } catch (e) { return {}; }
  }
  var words = json("strings-journal"), labWords = json("strings-lab"), content = json("journal-content");
  var root = document.querySelector(".journal");
  if (!root) return;

  function t(key, values, table) {
    var text = String((table || words)[key] || key);
    Object.keys(values || {}).forEach(function (name) { text = text.split("{" + name + "}").join(values[name]); });
    return text;
  }
  function lt(key, values) { return t(key, values, labWords); }
  function isObject(value) { return !!value && typeof value === "object" && !Array.isArray(value); }
  function list(value) { return Array.isArray(value) ? value : []; }
  function read(key) {
    try { var value = JSON.parse(localStorage.getItem(key)); return isObject(value) && value.version === 1 ? value : {}; } catch (e) { return {}; }
  }
  function text(value) { return typeof value === "string" ? value : ""; }
  function el(tag, className, value) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (value !== undefined) node.textContent = value;
    return node;
  }

  /* ---------- What was saved, checked piece by piece (anything odd is left out, never an error) */
  function attempts(lab, id) {
    var saved = isObject(lab.exercises) ? lab.exercises[id] : null;
    return list(saved).filter(isObject).map(function (a) {
      return { text: text(a.text), rating: [1, 2, 3, 4, 5].indexOf(a.rating) >= 0 ? a.rating : 0 };
    }).filter(function (a) { return a.text.trim() || a.rating; });
  }
  function played(lab, conversation) {
    var record = isObject(lab.conversations) ? lab.conversations[conversation.id] : null;
    if (!isObject(record) || typeof record.finished !== "number" || record.finished < 1) return null;
    var turns = [];
    list(record.path).forEach(function (p) {
      var step = isObject(p) ? conversation.steps[p.step] : null;
      var choice = step && step.choices ? step.choices[p.choice - 1] : null;
      if (choice) turns.push({ client: step.client, say: choice.say, verdict: choice.verdict });
    });
    var ending = conversation.steps[record.ending];
    return { times: record.finished, turns: turns, ending: ending && ending.debrief ? ending : null };
  }
  function written(writing, kind, key) {
    var saved = isObject(writing[kind]) ? writing[kind][key] : null;
    return isObject(saved) ? text(saved.text).trim() : "";
  }

  /* ---------- One model of the journal, drawn as HTML and as Markdown */
  function gather() {
    var lab = read(LAB), writing = read(WRITING), parts = [];
    parts.push({ title: t("exercises"), items: list(content.exercises).map(function (e) {
      var tries = attempts(lab, e.id);
      return tries.length ? { exercise: e, tries: tries } : null;
    }).filter(Boolean) });
    parts.push({ title: t("conversations"), items: list(content.conversations).map(function (c) {
      var play = played(lab, c);
      return play ? { conversation: c, play: play } : null;
    }).filter(Boolean) });
    parts.push({ title: t("examples"), items: list(content.examples).map(function (x) {
      var answer = written(writing, "examples", x.key);
      return answer ? { example: x, answer: answer } : null;
    }).filter(Boolean) });
    parts.push({ title: t("reflections"), items: list(content.reflections).map(function (r) {
      var answers = list(r.questions).map(function (q, i) {
        return { n: i + 1, question: q, answer: written(writing, "reflections", r.page + "#" + (i + 1)) };
      }).filter(function (a) { return a.answer; });
      return answers.length ? { page: r, answers: answers } : null;
    }).filter(Boolean) });
    return parts;
  }
  function rating(a) { return a.rating ? lt("rated", { n: a.rating }) : lt("not_rated"); }
  function outcome(step) { return lt("ending_" + step.outcome); }
  function times(n) { return n === 1 ? t("times_finished_one") : t("times_finished", { n: n }); }

  function para(parent, className, label, value) {
    var p = el("p", className);
    if (label) p.appendChild(el("strong", "", label + " "));
    p.appendChild(document.createTextNode(value));
    parent.appendChild(p);
    return p;
  }
  function drawExercise(item, into) {
    var e = item.exercise;
    into.appendChild(el("h3", "", e.title));
    para(into, "", t("situation") + ":", e.context);
    var quote = el("blockquote", "journal-client");
    para(quote, "", t("client") + ":", e.client);
    into.appendChild(quote);
    into.appendChild(el("h4", "", t("your_attempts")));
    var tries = el("ol", "journal-attempts");
    item.tries.forEach(function (a, i) {
      var li = el("li");
      li.appendChild(el("p", "journal-meta", lt("attempt", { n: i + 1 }) + " (" + rating(a) + ")"));
      li.appendChild(el("p", "journal-own", a.text.trim() || t("empty_attempt")));
      tries.appendChild(li);
    });
    into.appendChild(tries);
    into.appendChild(el("h4", "", t("models")));
    var models = el("ul", "journal-models");
    e.models.forEach(function (m) {
      var li = el("li");
      li.appendChild(el("p", "journal-meta", lt("level", { n: m.level }) + (labWords.colon || ": ") + m.name));
      li.appendChild(el("p", "", "“" + m.response + "”"));
      li.appendChild(el("p", "journal-why", m.why));
      models.appendChild(li);
    });
    into.appendChild(models);
  }
  function drawConversation(item, into) {
    var c = item.conversation, play = item.play;
    into.appendChild(el("h3", "", c.title));
    into.appendChild(el("p", "journal-meta", times(play.times)));
    var turns = el("ol", "journal-path");
    play.turns.forEach(function (turn) {
      var li = el("li");
      para(li, "", c.client + ":", turn.client);
      para(li, "journal-own", lt("you") + ":", turn.say + " (" + lt("verdict_" + turn.verdict) + ")");
      turns.appendChild(li);
    });
    into.appendChild(turns);
    if (play.ending) {
      para(into, "", c.client + ":", play.ending.client);
      para(into, "journal-meta", "", outcome(play.ending) + ".");
      para(into, "", lt("debrief"), play.ending.debrief);
    }
  }
  function drawExample(item, into) {
    into.appendChild(el("h3", "", item.example.title));
    list(item.example.prompt).forEach(function (line) { para(into, "journal-prompt", "", line); });
    para(into, "journal-own", t("your_answer") + ":", item.answer);
  }
  function drawReflections(item, into) {
    var heading = el("h3"), link = el("a", "", item.page.title);
    link.href = item.page.url;
    heading.appendChild(link);
    into.appendChild(heading);
    var questions = el("ol");
    item.answers.forEach(function (a) {
      var li = el("li");
      li.value = a.n;
      li.appendChild(el("p", "journal-question", a.question));
      para(li, "journal-own", t("your_answer") + ":", a.answer);
      questions.appendChild(li);
    });
    into.appendChild(questions);
  }
  var DRAW = [drawExercise, drawConversation, drawExample, drawReflections];

  function today() { return new Date().toISOString().slice(0, 10); }
  function draw() {
    var body = root.querySelector(".journal-body");
    body.textContent = "";
    var who = el("div", "journal-who");
    para(who, "", t("name_label") + ":", nameField.value.trim());
    para(who, "", t("course_label") + ":", courseField.value.trim());
    para(who, "", "", t("date", { date: today() }) + " " + t("scale_note"));
    body.appendChild(who);
    gather().forEach(function (part, n) {
      var section = el("section", "journal-part");
      section.appendChild(el("h2", "", part.title));
      if (!part.items.length) section.appendChild(el("p", "journal-none", t("none")));
      part.items.forEach(function (item) {
        var one = el("div", "journal-item");
        DRAW[n](item, one);
        section.appendChild(one);
      });
      body.appendChild(section);
    });
  }

  /* ---------- The same journal as Markdown (a second format) */
  function quoted(value) { return value.trim().split("\n").map(function (line) { return "> " + line; }).join("\n"); }
  function markdown() {
    var out = ["# " + document.querySelector("h1").textContent.trim(), "",
      "**" + t("name_label") + ":** " + nameField.value.trim() + "  ", "**" + t("course_label") + ":** " + courseField.value.trim(), "",
      t("date", { date: today() }) + " " + t("scale_note"), ""];
    gather().forEach(function (part, n) {
      out.push("## " + part.title, "");
      if (!part.items.length) out.push(t("none"), "");
      part.items.forEach(function (item) {
        if (n === 0) {
          var e = item.exercise;
          out.push("### " + e.title, "", "**" + t("situation") + ":** " + e.context, "", "**" + t("client") + ":** " + e.client, "",
            "#### " + t("your_attempts"), "");
          item.tries.forEach(function (a, i) {
            out.push("**" + lt("attempt", { n: i + 1 }) + "** (" + rating(a) + ")", "", quoted(a.text || t("empty_attempt")), "");
          });
          out.push("#### " + t("models"), "");
          e.models.forEach(function (m) { out.push("- **" + lt("level", { n: m.level }) + (labWords.colon || ": ") + m.name + ".** “" + m.response + "” " + m.why); });
          out.push("");
        } else if (n === 1) {
          var c = item.conversation;
          out.push("### " + c.title, "", times(item.play.times), "");
          item.play.turns.forEach(function (turn, i) {
            out.push((i + 1) + ". **" + c.client + ":** " + turn.client + "  ", "   **" + lt("you") + ":** " + turn.say + " (" + lt("verdict_" + turn.verdict) + ")");
          });
          if (item.play.ending) {
            out.push("", "**" + c.client + ":** " + item.play.ending.client, "", outcome(item.play.ending) + ". **" + lt("debrief") + "** " + item.play.ending.debrief);
          }
          out.push("");
        } else if (n === 2) {
          out.push("### " + item.example.title, "", list(item.example.prompt).join("\n\n"), "", "**" + t("your_answer") + ":**", "", quoted(item.answer), "");
        } else {
          out.push("### " + item.page.title, "");
          item.answers.forEach(function (a) { out.push(a.n + ". " + a.question, "", quoted(a.answer).replace(/^/gm, "   "), ""); });
        }
      });
    });
    return out.join("\n") + "\n";
  }

  /* ---------- Name and course: typed once, kept here */
  var nameField = root.querySelector("#journal-name"), courseField = root.querySelector("#journal-course");
  var details = read(KEY);
  if (typeof details.name === "string") nameField.value = details.name;
  if (typeof details.course === "string") courseField.value = details.course;
  [nameField, courseField].forEach(function (field) {
    field.addEventListener("input", function () {
      try {
        localStorage.setItem(KEY, JSON.stringify({ version: 1, name: nameField.value, course: courseField.value }));
      } catch (e) { /* not saved: still shown */ }
      draw();
    });
  });
  root.querySelector(".journal-print").addEventListener("click", function () { window.print(); });
  root.querySelector(".journal-download").addEventListener("click", function () {
    var link = el("a");
    link.href = URL.createObjectURL(new Blob([markdown()], { type: "text/markdown" }));
    link.download = t("file");
    document.body.appendChild(link);
    link.click();
    link.remove();
    root.querySelector(".journal-status").textContent = t("downloaded", { file: t("file") });
  });
  draw();
})();
