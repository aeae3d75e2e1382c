/* The guide offline after one visit: links the web app manifest, registers the service
   worker that hooks/offline_cache.py writes (sw.js at the site's root, for the site's folder
   only), and says when a new version of the guide is ready. Loaded by every page after its `load` event, so it never delays
   the page; under file:// (the offline edition) and `mkdocs serve` it is not loaded at all.
   The notice's words come from data/interface.yml, section offline (put in by the hook). */
(function () {
  "use strict";
  var words = OFFLINE_WORDS;
  if (!/^https?:$/.test(location.protocol) || typeof __md_scope === "undefined") return;
  // The web app manifest (add to home screen), linked only now: in the page's markup,
  // Chromium fetched it while the page was still loading.
  var manifest = document.createElement("link");
  manifest.rel = "manifest";
  manifest.href = new URL("manifest.webmanifest", __md_scope).href;
  document.head.appendChild(manifest);
  var sw = navigator.serviceWorker;
  if (!sw) return;
  // This edition's worker (the French edition in fr/ has its own). A page of fr/ first shown
  // under the English worker, whose scope holds fr/ too, is not an old version of the guide:
  // only a change from this same worker is.
  var script = new URL("sw.js", __md_scope).href;
  function ours(worker) { return !!worker && worker.scriptURL === script; }
  var hadWorker = ours(sw.controller);
  var reloading = false;

  // The page shown came from the old version: once the new one takes over (the student
  // asked for it, here or in another tab), load the page again from the new one.
  sw.addEventListener("controllerchange", function () {
    if (hadWorker && !reloading) {
      reloading = true;
      location.reload();
    }
  });

  function notice(waiting) {
    if (document.getElementById("offline-update")) return;
    var box = document.createElement("div");
    box.id = "offline-update";
    box.setAttribute("role", "status");
    box.style.cssText = "position:fixed;z-index:10;left:50%;bottom:1rem;transform:translateX(-50%);" +
      "max-width:calc(100% - 2rem);display:flex;gap:.8rem;align-items:center;padding:.6rem .9rem;" +
      "border-radius:.2rem;background:var(--md-default-fg-color);color:var(--md-default-bg-color);" +
      "font-size:.75rem;box-shadow:var(--md-shadow-z2)";
    var text = document.createElement("span");
    text.textContent = words.update_ready;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button md-button--primary";
    button.style.cssText = "margin:0;padding:.3em 1em";
    button.textContent = words.reload;
    button.addEventListener("click", function () {
      button.disabled = true;
      waiting.postMessage({ type: "SKIP_WAITING" });
    });
    box.appendChild(text);
    box.appendChild(button);
    document.body.appendChild(box);
  }

  function watch(registration) {
    if (registration.waiting && ours(sw.controller)) notice(registration.waiting);
    registration.addEventListener("updatefound", function () {
      var installing = registration.installing;
      installing.addEventListener("statechange", function () {
        if (installing.state === "installed" && ours(sw.controller)) notice(installing);
      });
    });
  }

  sw.register(script, { scope: __md_scope.pathname })
    .then(watch)
    .catch(function () { /* no worker (private mode, blocked): the guide works online as before */ });
})();
