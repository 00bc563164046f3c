// Lumen site search. Served from the site itself; no third party, no
// storage, no eval. On every page it turns a search box's words into the
// address of the search page with the words after "#", which browsers
// never send to a server. On the search page it looks the words up in
// the index that lumen build wrote (search/meta.json, the words in
// search/w/N.json, their stems' postings in search/p/N.json, the records in
// search/r/N.json; see package generator/search) and lists the results.
// What it says is in the language of the page: the search page gives its
// messages in <script type="application/json" id="search-messages">,
// which runs nothing, from the theme's translation files (i18n/*.yaml,
// the keys search_*); {name} in a message is filled in here.
(function () {
  "use strict";

  // fold lowercases and takes the accents off, as the index does.
  function fold(s) {
    return s.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  // words splits folded text into the words the index knows.
  function words(s, stop) {
    return fold(s).split(/[^a-z0-9]+/).filter(function (w) {
      return w.length > 1 && !stop[w];
    });
  }

  // shardOf is the FNV-1a hash of a word's first two letters, modulo n.
  function shardOf(w, n) {
    var h = 2166136261;
    for (var i = 0; i < w.length && i < 2; i++) {
      h ^= w.charCodeAt(i);
      h = Math.imul(h, 16777619) >>> 0;
    }
    return h % n;
  }

  // edits returns the edit distance of a and b (a swap of two letters
  // counts one), or max+1 when it is more than max.
  function edits(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var p2 = null, p1 = [], i, j;
    for (j = 0; j <= b.length; j++) p1[j] = j;
    for (i = 1; i <= a.length; i++) {
      var cur = [i], best = i;
      for (j = 1; j <= b.length; j++) {
        var v = Math.min(p1[j] + 1, cur[j - 1] + 1, p1[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (p2 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, p2[j - 2] + 1);
        cur[j] = v;
        if (v < best) best = v;
      }
      if (best > max) return max + 1;
      p2 = p1;
      p1 = cur;
    }
    return p1[b.length];
  }

  // The search box of every page: open the search page with the words.
  function hook(form, onPage) {
    form.addEventListener("submit", function (e) {
      var input = form.querySelector("input");
      var q = input.value.trim();
      e.preventDefault();
      var url = new URL(form.action, location.href);
      url.search = "";
      url.hash = q ? "q=" + encodeURIComponent(q) : "";
      if (onPage) {
        history.replaceState(null, "", url.hash ? url.hash : url.pathname);
        onPage(q);
      } else {
        location.href = url.toString();
      }
    });
  }

  // PAGE is how many results are shown at a time.
  var PAGE = 10;

  // messages returns the search page's messages, by key: text, or plural
  // forms by CLDR category ({one: …, other: …}).
  function messages() {
    var el = document.getElementById("search-messages");
    try {
      return el ? JSON.parse(el.textContent) : {};
    } catch (e) {
      return {};
    }
  }

  // pluralForm returns the CLDR plural category of n in the page's
  // language, as the translation files name their forms.
  function pluralForm(n) {
    try {
      return new Intl.PluralRules(document.documentElement.lang || "en").select(n);
    } catch (e) {
      return n === 1 ? "one" : "other";
    }
  }

  function start() {
    var forms = document.querySelectorAll("form[data-lumen-search]");
    var results = document.getElementById("search-results");
    if (!results) {
      for (var i = 0; i < forms.length; i++) hook(forms[i], null);
      return;
    }
    var status = document.getElementById("search-status");
    var form = results.parentNode.querySelector("form[data-lumen-search]");
    var input = form.querySelector("input");
    var base = new URL(form.action, location.href);
    var meta = null, wordFiles = {}, postingFiles = {}, files = {}, loaded = {};
    var msgs = messages();

    // number writes a whole number with the language's thousands
    // separator.
    function number(n) {
      var sep = msgs.thousands_separator || "";
      return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
    }

    // say returns the message key with each {name} replaced by args[name];
    // a message with plural forms takes the form of n. A message the page
    // does not give is shown as its key, so that it is noticed.
    function say(key, args, n) {
      var m = msgs[key];
      if (m && typeof m === "object") m = m[pluralForm(n)] || m.other;
      if (typeof m !== "string") return key;
      return m.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, function (all, name) {
        return args && Object.prototype.hasOwnProperty.call(args, name) ? args[name] : all;
      });
    }

    function get(path) {
      return fetch(new URL(path, base)).then(function (r) {
        if (!r.ok) throw new Error(path + ": " + r.status);
        return r.json();
      });
    }
    // wordFile resolves to word file n: words → their stems' numbers.
    function wordFile(n) {
      if (!wordFiles[n]) {
        wordFiles[n] = get("w/" + n + ".json").then(function (s) {
          loaded[n] = s;
          return s;
        });
      }
      return wordFiles[n];
    }
    function loadedWords() {
      return Object.keys(loaded).map(function (n) { return loaded[n]; });
    }
    // postingFile resolves to postings file n: stems' numbers → postings.
    function postingFile(n) {
      if (!postingFiles[n]) postingFiles[n] = get("p/" + n + ".json");
      return postingFiles[n];
    }
    function file(n) {
      if (!files[n]) files[n] = get("r/" + n + ".json");
      return files[n];
    }
    // every returns the numbers 0 to n-1.
    function every(n) {
      return Array.from({ length: n }, function (_, i) { return i; });
    }

    // near reports whether a word of the query is w, or a misspelling of
    // it: one letter off in words of five letters or more, two in words
    // of nine or more.
    function near(q, w) {
      if (q === undefined) return false;
      if (q === w) return true;
      var max = w.length >= 9 ? 2 : w.length >= 5 ? 1 : 0;
      return max > 0 && edits(q, w, max) <= max;
    }

    // concepts reads the query: each run of words that is a name of a
    // group of synonyms stands for every name of the group; each other
    // word stands for itself.
    function concepts(q) {
      var toks = words(q, meta.stopSet);
      var out = [], i = 0;
      while (i < toks.length) {
        var best = null;
        for (var g = 0; g < meta.groups.length; g++) {
          var group = meta.groups[g];
          for (var k = 0; k < group.length; k++) {
            var name = group[k];
            if (name.length > (best ? best.len : 0) && name.every(function (w, j) { return near(toks[i + j], w); })) {
              best = { len: name.length, group: group, name: name };
            }
          }
        }
        if (best) {
          out.push({ alts: best.group.map(function (n) { return { words: n, weight: n === best.name ? 1 : 0.9 }; }) });
          i += best.len;
        } else {
          out.push({ alts: [{ words: [toks[i]], weight: 1 }] });
          i++;
        }
      }
      return out;
    }

    // lookup returns, for a word of the query, the stems it matches in
    // its word file wf: itself (1), words it begins while typing (0.8),
    // and, when it is not a word of the site, words one or two letters
    // off (0.6).
    function lookup(w, wf, typing) {
      var found = [], seen = {};
      function add(word, weight, from) {
        var stem = (from || wf)[word];
        if (stem === undefined || seen[stem] >= weight) return;
        seen[stem] = weight;
        found.push({ stem: stem, weight: weight });
      }
      if (wf[w] !== undefined) add(w, 1);
      var keys = Object.keys(wf), n = 0;
      if (typing && w.length >= 2) {
        for (var k = 0; k < keys.length && n < 30; k++) {
          if (keys[k].length > w.length && keys[k].lastIndexOf(w, 0) === 0) { add(keys[k], 0.8); n++; }
        }
      }
      if (wf[w] === undefined && w.length >= 4) {
        var max = w.length >= 8 ? 2 : 1;
        // A small index is all loaded: a slip in the first two letters
        // is found too. A large one is searched in the word's own file.
        (meta.all ? loadedWords() : [wf]).forEach(function (f) {
          for (var t in f) {
            if (edits(w, t, max) <= max) add(t, 0.6, f);
          }
        });
      }
      return found;
    }

    // search finds the records of q in two steps: the word files of its
    // words, for the stems they match; then the postings files of those
    // stems, for the records and their scores.
    function search(q) {
      var cs = concepts(q);
      if (!cs.length) return Promise.resolve({ q: q, hits: [], marks: {} });
      var typing = q.length > 0 && !/\s$/.test(q);
      var need = {};
      cs.forEach(function (c) { c.alts.forEach(function (a) { a.words.forEach(function (w) { need[shardOf(w, meta.wordFiles)] = true; }); }); });
      var nums = meta.all ? every(meta.wordFiles) : Object.keys(need).map(Number);
      return Promise.all(nums.map(wordFile)).then(function () {
        // Each word of each name of each concept, with its matches.
        var stems = {};
        cs.forEach(function (c, ci) {
          c.alts.forEach(function (a) {
            a.matches = a.words.map(function (w, wi) {
              var last = typing && ci === cs.length - 1 && wi === a.words.length - 1;
              var found = lookup(w, loaded[shardOf(w, meta.wordFiles)], last);
              found.forEach(function (m) { stems[m.stem] = true; });
              return found;
            });
          });
        });
        var pf = {};
        Object.keys(stems).forEach(function (st) { pf[st % meta.postingFiles] = true; });
        var nums = meta.all ? every(meta.postingFiles) : Object.keys(pf).map(Number);
        return Promise.all(nums.map(postingFile)).then(function () {
          return Promise.all(Object.keys(pf).map(function (n) { return postingFile(n); }));
        }).then(function (files) {
          var byStem = {};
          files.forEach(function (f) { for (var st in f) byStem[st] = f[st]; });
          return score(cs, byStem);
        });
      }).then(function (found) {
        found.q = q;
        return found;
      });
    }

    // score ranks the records of the concepts cs, given the postings of
    // their stems: first by how many concepts a record has, then by the
    // sum of their scores; and names the words to mark in snippets.
    function score(cs, byStem) {
      var N = meta.records, total = {}, covered = {}, marks = {};
      var marked = {};
      cs.forEach(function (c) {
        var best = {};
        c.alts.forEach(function (a) {
          var sum = null;
          a.matches.forEach(function (found) {
            var per = {};
            found.forEach(function (m) {
              var p = byStem[m.stem] || [];
              var df = p.length / 2, idf = Math.log(1 + (N - df + 0.5) / (df + 0.5)), doc = 0;
              for (var k = 0; k < p.length; k += 2) {
                doc += p[k];
                var s = m.weight * idf * p[k + 1] / 100;
                if (!(per[doc] >= s)) per[doc] = s;
              }
              marked[m.stem] = true;
            });
            if (sum === null) { sum = per; return; }
            var both = {};
            for (var d in sum) if (per[d] !== undefined) both[d] = sum[d] + per[d];
            sum = both;
          });
          for (var d in sum) {
            var s = sum[d] * a.weight;
            if (!(best[d] >= s)) best[d] = s;
          }
        });
        for (var d in best) {
          total[d] = (total[d] || 0) + best[d];
          covered[d] = (covered[d] || 0) + 1;
        }
      });
      // Every word of a loaded word file whose stem matched is marked.
      loadedWords().forEach(function (f) {
        for (var w in f) if (marked[f[w]]) marks[w] = true;
      });
      var hits = Object.keys(total).map(function (d) {
        return { id: +d, score: total[d], covered: covered[d] };
      });
      hits.sort(function (a, b) { return b.covered - a.covered || b.score - a.score || a.id - b.id; });
      return { hits: hits, marks: marks };
    }

    // snippet returns a part of text around the first marked word, with
    // the marked words in <mark>.
    function snippet(text, marks) {
      var re = /[\p{L}\p{N}]+/gu, m, first = -1, spans = [];
      while ((m = re.exec(text))) {
        if (marks[fold(m[0])]) {
          if (first < 0) first = m.index;
          spans.push([m.index, m.index + m[0].length]);
        }
      }
      var from = first < 0 ? 0 : Math.max(0, text.lastIndexOf(" ", Math.max(0, first - 60)) + 1);
      if (first >= 0 && first - from > 80) from = first;
      var to = Math.min(text.length, from + 220);
      if (to < text.length) { var sp = text.lastIndexOf(" ", to); if (sp > from) to = sp; }
      var p = document.createElement("p"), at = from;
      if (from > 0) p.appendChild(document.createTextNode("… "));
      spans.forEach(function (s) {
        if (s[0] < at || s[1] > to) return;
        p.appendChild(document.createTextNode(text.slice(at, s[0])));
        var mark = document.createElement("mark");
        mark.textContent = text.slice(s[0], s[1]);
        p.appendChild(mark);
        at = s[1];
      });
      p.appendChild(document.createTextNode(text.slice(at, to) + (to < text.length ? " …" : "")));
      return p;
    }

    var latest = 0, shown = null;

    // render adds the results from `from` to `to` of found to the list.
    function render(found, from, to) {
      var need = {};
      found.hits.slice(from, to).forEach(function (h) { need[Math.floor(h.id / meta.perFile)] = true; });
      return Promise.all(Object.keys(need).map(function (n) {
        return file(n).then(function (recs) { return [n, recs]; });
      })).then(function (loaded) {
        var recs = {};
        loaded.forEach(function (e) { recs[e[0]] = e[1]; });
        found.hits.slice(from, to).forEach(function (h) {
          var r = recs[Math.floor(h.id / meta.perFile)][h.id % meta.perFile];
          var li = document.createElement("li");
          li.setAttribute("data-score", h.covered + ":" + h.score.toFixed(2));
          var a = document.createElement("a");
          a.href = r.u;
          a.textContent = r.t;
          var kind = document.createElement("span");
          kind.className = "result-kind";
          kind.textContent = r.k;
          var head = document.createElement("p");
          head.className = "result-title";
          head.appendChild(a);
          head.appendChild(document.createTextNode(" "));
          head.appendChild(kind);
          li.appendChild(head);
          if (r.x) li.appendChild(snippet(r.x, found.marks));
          results.appendChild(li);
        });
      });
    }

    // show searches for q and lists the first ten results.
    function show(q) {
      var mine = ++latest;
      q = q.trim();
      more.hidden = true;
      if (!q) {
        results.hidden = true;
        results.textContent = "";
        status.textContent = "";
        return;
      }
      status.textContent = say("search_searching");
      load().then(function () { return search(q); }).then(function (found) {
        if (mine !== latest) return;
        var n = found.hits.length;
        var list = results.cloneNode(false);
        var old = results;
        results = list;
        return render(found, 0, PAGE).then(function () {
          if (mine !== latest) return;
          old.replaceWith(list);
          results.hidden = n === 0;
          shown = { found: found, count: Math.min(n, PAGE) };
          more.hidden = n <= PAGE;
          status.textContent = n === 0 ? say("search_none", { query: q })
            : n > PAGE ? say("search_found_first", { count: number(n), query: q, shown: number(PAGE) }, n)
            : say("search_found", { count: number(n), query: q }, n);
        });
      }).catch(function (err) {
        if (mine !== latest) return;
        if (window.console) console.error("search:", err);
        status.textContent = say("search_failed");
      });
    }

    // The button under the results shows ten more, and moves the focus
    // to the first of them.
    var more = document.createElement("button");
    more.type = "button";
    more.className = "btn search-more";
    more.textContent = say("search_more");
    more.hidden = true;
    results.after(more);
    more.addEventListener("click", function () {
      if (!shown) return;
      var from = shown.count, to = Math.min(shown.found.hits.length, from + PAGE);
      render(shown.found, from, to).then(function () {
        shown.count = to;
        more.hidden = to >= shown.found.hits.length;
        status.textContent = say("search_showing", { shown: number(to), count: number(shown.found.hits.length) }, shown.found.hits.length);
        var first = results.children[from];
        if (first) first.querySelector("a").focus();
      });
    });

    function load() {
      if (meta) return Promise.resolve(meta);
      return get("meta.json").then(function (m) {
        m.stopSet = {};
        m.stop.forEach(function (w) { m.stopSet[w] = true; });
        m.groups = m.synonyms.map(function (g) { return g.map(function (n) { return n.split(" "); }); });
        meta = m;
        return m;
      });
    }

    function fromAddress() {
      var h = /^#q=(.*)$/.exec(location.hash), q = "";
      if (h) q = decodeURIComponent(h[1].replace(/\+/g, " "));
      else q = new URLSearchParams(location.search).get("q") || "";
      return q;
    }

    hook(form, show);
    for (var i = 0; i < forms.length; i++) if (forms[i] !== form) hook(forms[i], null);
    var timer = 0;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var q = input.value;
        history.replaceState(null, "", q.trim() ? "#q=" + encodeURIComponent(q.trim()) : location.pathname);
        show(q);
      }, 150);
    });
    window.addEventListener("hashchange", function () {
      var q = fromAddress();
      input.value = q;
      show(q);
    });
    var q = fromAddress();
    if (q) {
      input.value = q;
      show(q);
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
