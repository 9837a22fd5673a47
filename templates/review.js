// Review page behaviour: filters (kept in the URL fragment), search, j/k between changes,
// sortable metrics, the outline toggle on narrow screens. Nothing runs per row on load.
(function () {
  "use strict";
  var body = document.body;
  body.classList.remove("nojs");
  body.classList.add("js");
  // The filter modes are the toolbar's radio buttons (listed once, in view.py).
  var MODES = Array.prototype.map.call(document.querySelectorAll("input[name=mode]"), function (r) { return r.value; });
  var state = { mode: "all", q: "", m: "" };
  var search = document.getElementById("q");
  var COPIED = body.dataset.copied;
  var shown = document.getElementById("shown");
  var note = document.querySelector(".nomatch-note");
  var rows = null;  // collected on first use, not on load

  function allRows() {
    if (!rows) rows = Array.prototype.slice.call(document.querySelectorAll(".rows .row"));
    return rows;
  }
  function sections() { return document.querySelectorAll(".rows .sec"); }
  function readHash() {
    var h = location.hash.slice(1);
    if (h.indexOf("=") < 0) return;  // a plain anchor (#u12): leave the filters alone
    var params = new URLSearchParams(h);
    var mode = params.get("f");
    state.mode = MODES.indexOf(mode) >= 0 ? mode : "all";
    state.q = params.get("q") || "";
    state.m = params.get("m") || "";
  }
  function writeHash() {
    var params = new URLSearchParams();
    if (state.mode !== "all") params.set("f", state.mode);
    if (state.q) params.set("q", state.q);
    if (state.m) params.set("m", state.m);
    var h = params.toString();
    history.replaceState(null, "", h ? "#" + h : location.pathname + location.search);
  }
  // Whether the filters and the search show a row, read from its classes as review.css reads
  // them (asking the layout, offsetParent, took 350 ms on a 2,400-row page).
  function visible(row) {
    var c = row.classList;
    if (c.contains("nomatch")) return false;
    if (c.contains("folded") && !c.contains("open") && !body.classList.contains("unfold")) return false;
    switch (state.mode) {
      case "changes": return !c.contains("st-same") && !c.contains("st-numbers_only");
      case "new": return c.contains("st-added");
      case "dropped": return c.contains("st-removed");
      case "figures": return c.contains("has-fig");
      case "recycled": return c.contains("has-rec");
      default: return true;
    }
  }
  // Search reads the reports' own words: not the figure chips (10次→12次 ▲20%), the status labels
  // or the similarity, which stand inside a row but are not the report's text.
  var CHROME = "small.figmark, small.ref, .badge, .meta, .sim, .why, .moved";
  function textNodes(cell) {
    var walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) { return node.parentElement.closest(CHROME) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT; }
    });
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    return nodes;
  }
  function reportText(row) {
    if (row._text === undefined) {
      var parts = [];
      row.querySelectorAll(".old, .new").forEach(function (cell) {
        parts.push(textNodes(cell).map(function (n) { return n.nodeValue; }).join(""));
      });
      row._text = parts.join("\n").toLowerCase();
    }
    return row._text;
  }
  // Matches of the search are highlighted where the browser can without touching the page's
  // text (CSS Custom Highlight API; elsewhere the rows are still filtered). A match may cross a
  // figure's or a diff's markup: it is found in the cell's text and mapped back to its nodes.
  var HIGHLIGHT_MAX = 2000;
  function highlight(q) {
    if (!(window.CSS && CSS.highlights && window.Highlight)) return;
    CSS.highlights.delete("q");
    if (!q) return;
    var marks = new Highlight();
    var count = 0;
    allRows().forEach(function (row) {
      if (count >= HIGHLIGHT_MAX || row.classList.contains("nomatch")) return;
      row.querySelectorAll(".old, .new").forEach(function (cell) {
        var nodes = textNodes(cell), starts = [], text = "";
        nodes.forEach(function (n) { starts.push(text.length); text += n.nodeValue; });
        var lower = text.toLowerCase();
        for (var at = lower.indexOf(q); at >= 0 && count < HIGHLIGHT_MAX; at = lower.indexOf(q, at + q.length)) {
          // One range per text node the match covers, so a chip standing between two of them
          // (12次 ▲20% ，其中) is not painted as part of it.
          var end = at + q.length;
          for (var k = 0; k < nodes.length; k++) {
            var a = Math.max(at, starts[k]), b = Math.min(end, starts[k] + nodes[k].nodeValue.length);
            if (a >= b) continue;
            var range = document.createRange();
            range.setStart(nodes[k], a - starts[k]);
            range.setEnd(nodes[k], b - starts[k]);
            marks.add(range);
          }
          count++;
        }
      });
    });
    CSS.highlights.set("q", marks);
  }
  // A figure chip of the summary (数字 · 下降 5) shows exactly its figures in the table: #m=down.
  var figureNote = document.querySelector(".metric-filter");
  function filterFigures() {
    document.querySelectorAll(".metrics tbody tr").forEach(function (tr) { tr.hidden = !!state.m && tr.dataset.kind !== state.m; });
    if (!figureNote) return;
    figureNote.hidden = !state.m;
    if (!state.m) return;
    document.querySelectorAll(".metrics details").forEach(function (d) {
      if (d.querySelector('tr[data-kind="' + state.m + '"]')) d.open = true;
    });
    var chip = document.querySelector('.summary a[href="#m=' + state.m + '"]');
    figureNote.querySelector("span").textContent = figureNote.dataset.label.replace("{}", chip ? chip.textContent.trim() : state.m);
  }
  function apply() {
    MODES.forEach(function (m) { body.classList.toggle("f-" + m, state.mode === m && m !== "all"); });
    // Folded verbatim runs open while a filter or a search is on: they show what those ask for.
    body.classList.toggle("unfold", state.mode !== "all" || !!state.q.trim());
    var radio = document.querySelector('input[name=mode][value="' + state.mode + '"]');
    if (radio) radio.checked = true;
    if (search.value !== state.q) search.value = state.q;
    var q = state.q.trim().toLowerCase();
    if (q || body.dataset.searched) {
      allRows().forEach(function (row) {
        row.classList.toggle("nomatch", !!q && reportText(row).indexOf(q) < 0);
      });
      body.dataset.searched = q ? "1" : "";
      highlight(q);
    }
    filterFigures();
    // A section none of whose rows pass the filters folds away with its heading.
    sections().forEach(function (sec) { sec.classList.remove("empty"); });
    if (state.mode !== "all" || q) {
      var shownRows = allRows().filter(visible);
      var filled = new Set(shownRows.map(function (row) { return row.parentNode; }));
      sections().forEach(function (sec) { sec.classList.toggle("empty", !filled.has(sec)); });
      shown.textContent = shownRows.length + " / " + allRows().length;
      note.hidden = shownRows.length > 0;
    } else {
      shown.textContent = "";
      note.hidden = true;
    }
  }
  document.querySelectorAll("input[name=mode]").forEach(function (radio) {
    radio.addEventListener("change", function () { state.mode = radio.value; apply(); writeHash(); });
  });
  var timer = null;
  search.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { state.q = search.value; apply(); writeHash(); }, 150);
  });

  // j / k (or n / p): next / previous change among the visible rows.
  var current = null;
  function step(delta) {
    var changes = allRows().filter(function (r) { return !r.classList.contains("st-same") && visible(r); });
    if (!changes.length) return;
    var i = current ? changes.indexOf(current) : -1;
    if (i < 0 && current) {  // the current row is hidden now: start from where it was
      i = changes.findIndex(function (r) { return r.compareDocumentPosition(current) & Node.DOCUMENT_POSITION_PRECEDING; });
      i = delta > 0 ? i - 1 : i;
    }
    var next = changes[Math.min(Math.max(i + delta, 0), changes.length - 1)];
    if (current) current.classList.remove("current");
    current = next;
    current.classList.add("current");
    current.scrollIntoView({ block: "center" });
  }
  // "Print the changes" in one click: the filter that hides verbatim and figures-only rows, then print.
  document.getElementById("print-changes").addEventListener("click", function () {
    state.mode = "changes";
    apply();
    writeHash();
    window.print();
  });
  document.getElementById("next").addEventListener("click", function () { step(1); });
  document.getElementById("prev").addEventListener("click", function () { step(-1); });
  document.addEventListener("keydown", function (e) {
    var tag = (e.target.tagName || "").toLowerCase();
    var typing = tag === "textarea" || (tag === "input" && ["radio", "checkbox", "button"].indexOf(e.target.type) < 0);
    if (typing || e.ctrlKey || e.metaKey || e.altKey) return;  // after choosing a filter j/k still move
    if (e.key === "j" || e.key === "n") { step(1); e.preventDefault(); }
    if (e.key === "k" || e.key === "p") { step(-1); e.preventDefault(); }
  });

  // In-page links keep the filters in the fragment; a target hidden by a filter shows everything.
  // A link to a filter (the summary's counts: #f=new) sets it and goes to the rows.
  document.addEventListener("click", function (e) {
    var link = e.target.closest && e.target.closest('a[href^="#"]');
    if (!link) return;
    var href = link.getAttribute("href").slice(1);
    if (href.indexOf("=") >= 0) {
      e.preventDefault();
      history.replaceState(null, "", "#" + href);
      readHash();
      apply();
      document.getElementById(href.slice(0, 2) === "m=" ? "metrics-h" : "compare-h").scrollIntoView({ block: "start" });
      return;
    }
    if (link.closest(".metric-filter")) { state.m = ""; apply(); writeHash(); }
    var target = document.getElementById(href);
    if (!target) return;
    e.preventDefault();
    if (target.dataset.run) openRun(target.dataset.run);
    if (target.offsetParent === null) { state.mode = "all"; state.q = ""; apply(); writeHash(); }
    land(target);
    if (target.classList.contains("row")) {
      if (current) current.classList.remove("current");
      current = target;
      target.classList.add("current");
    }
    body.classList.remove("nav-open");
  });

  // Runs of verbatim rows fold to one line ("7条与上年相同"); the line opens its run, and a jump
  // to a folded row opens the run first.
  function openRun(run) {
    document.querySelectorAll('.row[data-run="' + run + '"]').forEach(function (row) { row.classList.add("open"); });
    var button = document.querySelector('button.fold[data-run="' + run + '"]');
    if (button) { button.setAttribute("aria-expanded", "true"); button.hidden = true; }
  }
  document.addEventListener("click", function (e) {
    var button = e.target.closest && e.target.closest("button.fold");
    if (button) openRun(button.dataset.run);
  });

  // "Copy reference": the row's place in both reports, as a memo cites it. The clipboard API needs
  // a secure context (a page opened from disk is one in Chromium, not in every browser): else the
  // old way, through a selected text field.
  function copy(button, text) {
    function done() {
      var label = button.textContent;
      button.textContent = COPIED;
      button.classList.add("done");
      setTimeout(function () { button.textContent = label; button.classList.remove("done"); }, 1200);
    }
    function fallback() {
      var field = document.createElement("textarea");
      field.value = text;
      field.style.position = "fixed";
      field.style.opacity = "0";
      document.body.appendChild(field);
      field.select();
      try { document.execCommand("copy"); done(); } finally { field.remove(); }
    }
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(done, fallback);
    else fallback();
  }
  // "Copy table": the figure table as the chips show it (tab-separated, a group column first),
  // ready to paste into a spreadsheet.
  function figureTable() {
    var lines = [];
    document.querySelectorAll(".metrics table").forEach(function (table) {
      var group = table.closest("details").querySelector("summary").textContent.trim();
      if (!lines.length) {
        lines.push([""].concat(Array.prototype.map.call(table.tHead.rows[0].cells, function (c) { return c.textContent.trim(); })).join("\t"));
      }
      Array.prototype.forEach.call(table.tBodies[0].rows, function (tr) {
        if (tr.hidden) return;
        lines.push([group].concat(Array.prototype.map.call(tr.cells, function (c) { return c.textContent.trim().replace(/\s+/g, " "); })).join("\t"));
      });
    });
    return lines.join("\n");
  }
  document.addEventListener("click", function (e) {
    var button = e.target.closest && e.target.closest("button.cite, button.copy-table");
    if (!button) return;
    copy(button, button.classList.contains("cite") ? button.dataset.ref : figureTable());
  });

  // Off-screen sections are laid out lazily (content-visibility), with remembered sizes that go
  // stale after a filter: a jump then lands short. Scroll again until the target stays put.
  function land(target, tries) {
    target.scrollIntoView({ block: "start" });
    var top = target.getBoundingClientRect().top;
    requestAnimationFrame(function () {
      requestAnimationFrame(function () {
        var moved = Math.abs(target.getBoundingClientRect().top - top) > 2;
        if (moved && (tries || 0) < 4) land(target, (tries || 0) + 1);
      });
    });
  }

  // Sortable tables: click a column button; numbers sort by data-sort, text by locale.
  document.querySelectorAll("table.sortable button.sort").forEach(function (button) {
    button.addEventListener("click", function () {
      var table = button.closest("table");
      var col = +button.dataset.col;
      var numeric = button.dataset.type === "number";
      var dir = button.getAttribute("aria-sort") === "ascending" ? -1 : 1;
      table.querySelectorAll("button.sort").forEach(function (b) { b.removeAttribute("aria-sort"); });
      button.setAttribute("aria-sort", dir > 0 ? "ascending" : "descending");
      var tbody = table.tBodies[0];
      var items = Array.prototype.slice.call(tbody.rows).map(function (tr, i) {
        var cell = tr.cells[col];
        var key = cell.dataset.sort !== undefined ? cell.dataset.sort : cell.textContent;
        return { tr: tr, key: numeric ? parseFloat(key) || 0 : key, i: i };
      });
      items.sort(function (a, b) {
        var c = numeric ? a.key - b.key : String(a.key).localeCompare(String(b.key), document.documentElement.lang);
        return c * dir || a.i - b.i;
      });
      items.forEach(function (item) { tbody.appendChild(item.tr); });
    });
  });

  // The outline: a sidebar that folds away on wide screens, a menu that unfolds on narrow ones.
  var toggle = document.querySelector(".navtoggle");
  var narrow = window.matchMedia("(max-width: 760px)");
  function navShown() { return narrow.matches ? body.classList.contains("nav-open") : !body.classList.contains("nav-hidden"); }
  toggle.setAttribute("aria-expanded", navShown() ? "true" : "false");
  toggle.addEventListener("click", function () {
    body.classList.toggle(narrow.matches ? "nav-open" : "nav-hidden");
    toggle.setAttribute("aria-expanded", navShown() ? "true" : "false");
  });

  // The column header sticks under the toolbar, and a jump lands below both: measure them
  // (the toolbar wraps to more lines on a narrow screen).
  var toolbar = document.querySelector(".toolbar");
  var head = document.querySelector(".row-head");
  function measure() {
    var bar = toolbar.offsetHeight;
    document.documentElement.style.setProperty("--toolbar-height", bar + "px");
    document.documentElement.style.scrollPaddingTop = (bar + (head.offsetHeight || 0) + 8) + "px";
  }
  if (window.ResizeObserver) new ResizeObserver(measure).observe(toolbar);
  measure();

  readHash();
  apply();
  var opened = location.hash.length > 1 && document.getElementById(location.hash.slice(1));
  if (opened && opened.dataset.run) { openRun(opened.dataset.run); land(opened); }  // a link into a folded run
  window.addEventListener("hashchange", function () { readHash(); apply(); });
})();
