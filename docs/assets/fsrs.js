/* FSRS-6 scheduler with its default parameters: a small port of the reference Python
   implementation, py-fsrs 6.3.2 (open-spaced-repetition/py-fsrs, scheduler.py; MIT licence,
   Copyright (c) 2022 Open Spaced Repetition, in fsrs-LICENSE.txt), with fuzzing off.
   tests/test_review_schedule.py checks it against that package: the same ratings at the same
   times give the same stability, difficulty, state and due date.
   Times are milliseconds since the epoch; a card is {state, step, s, d, due, last}
   (state 1 learning, 2 review, 3 relearning; s and d null until the first review). */
(function (root) {
  "use strict";
  var W = [0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
    1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542];
  var RETENTION = 0.9, MAX_DAYS = 36500, S_MIN = 0.001;
  var MINUTE = 60000, DAY = 86400000;
  var LEARNING = [MINUTE, 10 * MINUTE], RELEARNING = [10 * MINUTE];
  var DECAY = -W[20], FACTOR = Math.pow(0.9, 1 / DECAY) - 1;
  var AGAIN = 1, HARD = 2, GOOD = 3, EASY = 4;

  function clampD(d) { return Math.min(Math.max(d, 1), 10); }
  function clampS(s) { return Math.max(s, S_MIN); }
  // Python's round(): halves go to the even neighbour
  function roundEven(x) {
    var r = Math.round(x);
    return (Math.abs(x % 1) === 0.5 && r % 2 !== 0) ? r - 1 : r;
  }
  function initialD(rating) { return W[4] - Math.exp(W[5] * (rating - 1)) + 1; }
  function nextD(d, rating) {
    var delta = -(W[6] * (rating - 3));
    var damped = d + (10 - d) * delta / 9;
    return clampD(W[7] * initialD(EASY) + (1 - W[7]) * damped);
  }
  function shortTermS(s, rating) {
    var increase = Math.exp(W[17] * (rating - 3 + W[18])) * Math.pow(s, -W[19]);
    if (rating >= HARD) increase = Math.max(increase, 1);
    return clampS(s * increase);
  }
  function retrievability(card, now) {
    if (card.last === null || card.s === null) return 0;
    var days = Math.max(0, Math.floor((now - card.last) / DAY));
    return Math.pow(1 + FACTOR * days / card.s, DECAY);
  }
  function nextS(d, s, r, rating) {
    var next;
    if (rating === AGAIN) {
      next = Math.min(W[11] * Math.pow(d, -W[12]) * (Math.pow(s + 1, W[13]) - 1) * Math.exp((1 - r) * W[14]),
        s / Math.exp(W[17] * W[18]));
    } else {
      next = s * (1 + Math.exp(W[8]) * (11 - d) * Math.pow(s, -W[9]) * (Math.exp((1 - r) * W[10]) - 1) *
        (rating === HARD ? W[15] : 1) * (rating === EASY ? W[16] : 1));
    }
    return clampS(next);
  }
  function intervalDays(s) {
    var days = roundEven((s / FACTOR) * (Math.pow(RETENTION, 1 / DECAY) - 1));
    return Math.min(Math.max(days, 1), MAX_DAYS);
  }

  function newCard(now) { return { state: 1, step: 0, s: null, d: null, due: now, last: null }; }

  // The card after one review with `rating` (1 again, 2 hard, 3 good, 4 easy) at time `now`.
  function review(old, rating, now) {
    var card = { state: old.state, step: old.step, s: old.s, d: old.d, due: old.due, last: old.last };
    var sinceDays = card.last !== null ? Math.floor((now - card.last) / DAY) : null;
    var sameDay = sinceDays !== null && sinceDays < 1;
    var interval;
    if (card.state === 2) {
      card.s = sameDay ? shortTermS(card.s, rating) : nextS(card.d, card.s, retrievability(card, now), rating);
      card.d = nextD(card.d, rating);
      if (rating === AGAIN) { card.state = 3; card.step = 0; interval = RELEARNING[0]; }
      else interval = intervalDays(card.s) * DAY;
    } else {  // learning (1) or relearning (3): steps in minutes, then days
      var steps = card.state === 1 ? LEARNING : RELEARNING;
      if (card.s === null || card.d === null) {
        card.s = clampS(W[rating - 1]);
        card.d = clampD(initialD(rating));
      } else {
        card.s = sameDay ? shortTermS(card.s, rating) : nextS(card.d, card.s, retrievability(card, now), rating);
        card.d = nextD(card.d, rating);
      }
      var graduate = rating === EASY || (rating === GOOD && card.step + 1 >= steps.length) ||
        (card.step >= steps.length && rating !== AGAIN);
      if (graduate) { card.state = 2; card.step = null; interval = intervalDays(card.s) * DAY; }
      else if (rating === AGAIN) { card.step = 0; interval = steps[0]; }
      else if (rating === HARD) {
        interval = card.step === 0 ? (steps.length === 1 ? steps[0] * 1.5 : (steps[0] + steps[1]) / 2) : steps[card.step];
      } else { card.step += 1; interval = steps[card.step]; }
    }
    card.due = now + interval;
    card.last = now;
    return card;
  }

  var api = { newCard: newCard, review: review, AGAIN: AGAIN, HARD: HARD, GOOD: GOOD, EASY: EASY };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.GuideFSRS = api;
})(this);
