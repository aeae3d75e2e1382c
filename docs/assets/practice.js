/* The practice loop of the questions, on top of mkdocs-quiz (its assets/quiz/quiz.js, loaded
   just before this script by hooks/quiz_assets.py, on quiz pages only).
   - A wrong FIRST try does not show the answer: it says "Not quite", gives a hint (the
     author's hint for the option chosen, written under it as mkdocs-quiz's per-answer
     feedback, else a pointer to the part of the page that the explanation links to) and
     leaves the question open for a real second try. The answer and the explanation come
     after a right answer, after the second try, or on "Show the answer".
   - An empty submission (no option, an empty blank) records nothing: "Choose an answer first".
   - A blank accepts each of its forms and the usual slips (an article, a full stop, capitals).
   The first answer is what counts (assets/guide.js keeps it for the page's score and My
   progress): the hinted try is recorded there as the first answer, wrong. mkdocs-quiz's
   script offers no hook, so this one listens for the submit before it (a listener on the
   document in the capture phase runs before the form's own) and lets it through or not.
   Its words come from data/interface.yml (section quiz). Sends nothing anywhere. */
(function () {
  "use strict";

  var text = {};
  try { text = JSON.parse(document.getElementById("strings-quiz").textContent) || {}; } catch (e) { text = {}; }

  var hinted = {};  // quiz id -> the values of the wrong first try answered with a hint (this visit)

  function isFill(quiz) { return quiz.getAttribute("data-quiz-type") === "fill-blank"; }
  function blanks(quiz) { return Array.prototype.slice.call(quiz.querySelectorAll(".quiz-blank-input")); }
  function options(quiz) { return Array.prototype.slice.call(quiz.querySelectorAll("input[name='answer']")); }

  /* ---------- Fill-ins accept several forms: hooks/quiz_assets.py puts every accepted form
     of a blank in data-accept (a JSON list) and the canonical one in data-answer. mkdocs-quiz
     compares the student's text with data-answer (trimmed, lower case); so just before it
     checks, a blank whose text is an accepted form once normalized gets that text as its
     data-answer, any other blank the canonical form, which the plugin then shows as the answer. */
  function normalForm(value) {
    return String(value).normalize("NFC").toLowerCase()
      .replace(/[\u2010\u2011\u2012\u2013-]/g, " ")   // hyphens and dashes read as a space
      .replace(/\s+/g, " ").trim()
      .replace(/\.$/, "").trim()                         // a final full stop
      .replace(/^(?:(?:a|an|the|le|la|les|un|une) |l['\u2019] ?)/, "");  // a leading article
  }
  function acceptedForm(input) {
    var forms;
    try { forms = JSON.parse(input.getAttribute("data-accept")); } catch (e) { return null; }
    if (!Array.isArray(forms) || !forms.length) return null;
    var typed = normalForm(input.value);
    return forms.some(function (form) { return normalForm(form) === typed; }) ? input.value : String(forms[0]);
  }
  function blankIsRight(input) {
    var answer = acceptedForm(input);
    return answer === null ? normalForm(input.value) === normalForm(input.getAttribute("data-answer") || "")
      : answer === input.value;
  }
  function alignBlanks(quiz) {
    blanks(quiz).forEach(function (input) {
      var answer = acceptedForm(input);
      if (answer !== null) input.setAttribute("data-answer", answer);
    });
  }

  /* ---------- What was chosen, and is it right (the plugin's rule: exactly the keyed options) */
  function chosen(quiz) {
    if (isFill(quiz)) {
      var values = blanks(quiz).map(function (input) { return input.value; });
      return values.every(function (value) { return value.trim() !== ""; }) ? values : null;
    }
    var checked = options(quiz).filter(function (input) { return input.checked; })
      .map(function (input) { return input.value; });
    return checked.length ? checked : null;
  }
  function isRight(quiz) {
    if (isFill(quiz)) return blanks(quiz).every(blankIsRight);
    return options(quiz).every(function (input) { return input.checked === input.hasAttribute("data-correct"); });
  }
  function restore(quiz, values) {
    if (isFill(quiz)) blanks(quiz).forEach(function (input, i) { if (values[i] !== undefined) input.value = values[i]; });
    else options(quiz).forEach(function (input) { input.checked = values.indexOf(input.value) >= 0; });
  }
  function answeredBefore(quiz) {
    if (hinted[quiz.id]) return true;
    try { return typeof window.guideFirstAnswers(window.location.pathname)[quiz.id] === "boolean"; }
    catch (e) { return false; }
  }

  /* ---------- The question's message: a live region, so a screen reader hears it */
  function statusOf(quiz) { return quiz.querySelector(".quiz-loop-status"); }
  function say(quiz, parts, spoken) {
    var status = statusOf(quiz);
    if (!status) return;
    status.textContent = "";
    status.classList.toggle("quiz-loop-spoken", !!spoken);  // heard, not shown: the plugin shows it
    parts.forEach(function (part) {
      var p = document.createElement("p");
      if (typeof part === "string") p.textContent = part; else p.appendChild(part);
      status.appendChild(p);
    });
  }
  function showAnswerButton(quiz, shown) {
    var button = quiz.querySelector(".quiz-show-answer");
    if (button) button.classList.toggle("hidden", !shown);
  }

  // "Re-read <the heading the explanation links to>, then try once more." (the explanation's
  // link, not the explanation)
  function genericHint(quiz) {
    var link = quiz.querySelector("section.content a[href*='#']");
    var template = String(link ? text.hint_reread || "" : text.hint_think || "");
    var hint = document.createDocumentFragment();
    template.split(/(\{part\})/).forEach(function (piece) {
      if (piece === "{part}" && link) {
        var copy = document.createElement("a");
        copy.href = link.getAttribute("href");
        copy.textContent = link.textContent;
        hint.appendChild(copy);
      } else if (piece) hint.appendChild(document.createTextNode(piece));
    });
    return hint;
  }
  // The author's hints for the wrong options chosen: mkdocs-quiz's per-answer feedback (a
  // `>` line under the option, checked at build time by hooks/quiz_checks.py)
  function authorsHints(quiz) {
    return options(quiz).filter(function (input) { return input.checked && !input.hasAttribute("data-correct"); })
      .map(function (input) { return input.parentElement.querySelector(".answer-feedback"); })
      .filter(function (note) { return note && note.textContent.trim(); })
      .map(function (note) {
        var copy = document.createElement("span");
        copy.innerHTML = note.innerHTML;  // the author's Markdown, rendered at build time
        return copy;
      });
  }

  function giveHint(quiz, values) {
    hinted[quiz.id] = values;
    if (typeof window.guideNoteFirstAnswer === "function") window.guideNoteFirstAnswer(quiz.id, false);
    // the wrong try is marked, never the key: a chosen single option, a blank not accepted
    if (isFill(quiz)) blanks(quiz).forEach(function (input) { input.classList.toggle("wrong", !blankIsRight(input)); });
    else if (quiz.querySelector("input[type='radio']")) {
      options(quiz).forEach(function (input) { input.parentElement.classList.toggle("wrong", input.checked); });
    }
    var hints = authorsHints(quiz);
    say(quiz, [text.not_quite || ""].concat(hints.length ? hints : [genericHint(quiz)]));
    showAnswerButton(quiz, true);
  }

  // after mkdocs-quiz has shown the answer: the result spoken, the loop's controls put away
  function answerShown(quiz) {
    showAnswerButton(quiz, false);
    setTimeout(function () {
      var right = quiz.querySelector(".quiz-feedback .quiz-feedback-item.correct");
      say(quiz, [right ? text.right || "" : text.wrong_shown || ""], true);
    }, 0);
  }

  document.addEventListener("submit", function (event) {
    var quiz = event.target.closest && event.target.closest(".quiz");
    if (!quiz || !quiz.id) return;
    if (isFill(quiz)) alignBlanks(quiz);
    if (quiz.getAttribute("data-guide-reveal")) {  // "Show the answer": the plugin shows it
      quiz.removeAttribute("data-guide-reveal");
      answerShown(quiz);
      return;
    }
    var values = chosen(quiz);
    if (!values) {  // nothing chosen: nothing recorded, nothing shown
      event.preventDefault();
      event.stopImmediatePropagation();
      say(quiz, [isFill(quiz) ? text.type_first || "" : text.choose_first || ""]);
      return;
    }
    if (isRight(quiz) || answeredBefore(quiz)) {  // right, or a second try: the plugin shows the answer
      answerShown(quiz);
      return;
    }
    event.preventDefault();  // a wrong first try: a hint, and the question stays open
    event.stopImmediatePropagation();
    giveHint(quiz, values);
  }, true);

  function showAnswer(quiz) {
    var form = quiz.querySelector("form");
    if (!chosen(quiz) && hinted[quiz.id]) restore(quiz, hinted[quiz.id]);  // the try the hint was for
    quiz.setAttribute("data-guide-reveal", "true");
    form.dispatchEvent(new Event("submit", { bubbles: true, cancelable: true }));
    var retry = quiz.querySelector(".quiz-reset-button:not(.hidden)");
    if (retry) retry.focus();  // the button pressed is gone: focus stays in the question
  }

  function setUp(quiz) {
    var form = quiz.querySelector("form"), feedback = form && form.querySelector(".quiz-feedback");
    if (!feedback) return;
    var status = document.createElement("div");
    status.className = "quiz-loop-status";
    status.setAttribute("role", "status");
    feedback.parentNode.insertBefore(status, feedback.nextSibling);
    var button = document.createElement("button");
    button.type = "button";
    button.className = "quiz-button quiz-show-answer hidden";
    button.textContent = text.show_answer || "";
    var after = form.querySelector(".quiz-reset-button") || form.querySelector("button[type=submit]");
    if (after) after.parentNode.insertBefore(button, after.nextSibling);
    else form.appendChild(button);
    button.addEventListener("click", function () { showAnswer(quiz); });
    // "Try again" (the plugin's reset) starts afresh: no message left over
    var retry = form.querySelector(".quiz-reset-button");
    if (retry) retry.addEventListener("click", function () { say(quiz, []); showAnswerButton(quiz, false); });
  }

  // The score line's "Reset this page's answers" (hooks/quiz_assets.py). mkdocs-quiz's own
  // reset of a whole page fails on a fill-in question (it looks for options that a fill-in
  // does not have), so each question is reset by its own "Try again" (which the plugin
  // handles for every kind), then assets/guide.js forgets the page's first answers.
  function resetPage() {
    if (!window.confirm(text.reset_page_confirm || "")) return;
    document.querySelectorAll(".md-content .quiz[id]").forEach(function (quiz) {
      var retry = quiz.querySelector(".quiz-reset-button");
      if (retry) retry.click();
      delete hinted[quiz.id];
      say(quiz, []);
      showAnswerButton(quiz, false);
      quiz.querySelectorAll(".wrong").forEach(function (marked) { marked.classList.remove("wrong"); });
    });
    if (typeof window.guideForgetPage === "function") window.guideForgetPage();
  }

  // A blank sits outside the question's <form>: Enter in it submits the question, as
  // students expect from a text field.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" || !event.target.classList || !event.target.classList.contains("quiz-blank-input")) return;
    var quiz = event.target.closest(".quiz");
    var submit = quiz && quiz.querySelector("button[type=submit]");
    if (submit && !submit.disabled && !submit.classList.contains("hidden")) {
      event.preventDefault();
      submit.click();
    }
  });

  // A saved answer is marked blank by blank when the page loads (the plugin compares with
  // data-answer only): a blank holding an accepted form is marked right again.
  function remarkSavedBlanks() {
    document.querySelectorAll(".quiz-blank-input.wrong[data-accept]").forEach(function (input) {
      if (input.value && blankIsRight(input)) input.classList.replace("wrong", "correct");
    });
  }

  function init() {
    document.querySelectorAll(".md-content .quiz[id]").forEach(setUp);
    var reset = document.querySelector(".quiz-score-reset");
    if (reset) reset.addEventListener("click", resetPage);
    remarkSavedBlanks();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
