package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lumen-ssg/lumen/internal/sitetest"
)

// translatedSite is a condition page and its Spanish translation.
const translatedSite = `
-- site.yaml --
title: T
base_url: https://example.com/
languages: [{code: es}]
-- content/providers/dr-a.md --
---
title: Dr. A
---
-- content/conditions/sciatica.md --
---
title: Sciatica
summary: Leg pain from a pinched nerve.
red_flags: [Numbness between the legs]
author: dr-a
reviewed_by: dr-a
last_reviewed: 2026-02-01
key_points: [Rest helps.]
---
Sciatica often gets better.
-- content/es/conditions/sciatica.md --
---
title: Ciática
slug: ciatica
summary: Dolor de pierna por un nervio pinchado.
red_flags: [Adormecimiento entre las piernas]
author: dr-a
reviewed_by: dr-a
last_reviewed: 2026-02-01
key_points: [El reposo ayuda.]
---
La ciática suele mejorar.
`

// TestTranslationFallsBehind edits the English text of a translated
// condition page: lumen check warns on the Spanish page, naming both
// files, until lumen translated marks it up to date; a new translation
// is not up to date until it is marked.
func TestTranslationFallsBehind(t *testing.T) {
	dir := t.TempDir()
	src, _ := sitetest.Parse(translatedSite)
	sitetest.WriteDir(t, dir, src)
	check := func() string {
		t.Helper()
		_, out, errs := lumen("check", "--source", dir, "--today", "2026-03-01")
		return out + errs
	}
	const es = "content/es/conditions/sciatica.md"
	if out := check(); !strings.Contains(out, es+":2: warning: this translation of content/conditions/sciatica.md is not marked up to date with it [i18n.outdated]") ||
		!strings.Contains(out, "run: lumen translated "+es) {
		t.Fatalf("a new translation is not reported:\n%s", out)
	}
	if code, out, errs := lumen("translated", "--source", dir, es); code != exitOK || !strings.Contains(out, es+": marked up to date with content/conditions/sciatica.md (original_version: ") {
		t.Fatalf("lumen translated: exit %d\n%s%s", code, out, errs)
	}
	if out := check(); strings.Contains(out, "i18n.outdated") {
		t.Fatalf("a translation marked up to date is reported:\n%s", out)
	}
	en := filepath.Join(dir, "content/conditions/sciatica.md")
	data, _ := os.ReadFile(en)
	os.WriteFile(en, []byte(strings.Replace(string(data), "often gets better", "often gets better in six weeks", 1)), 0o644)
	out := check()
	if !strings.Contains(out, es+":10: warning: content/conditions/sciatica.md has changed since this translation was brought up to date with it") {
		t.Fatalf("the edit of the original is not reported on its translation:\n%s", out)
	}
	if code, _, errs := lumen("translated", "--source", dir, es); code != exitOK {
		t.Fatalf("lumen translated: %s", errs)
	}
	if out := check(); strings.Contains(out, "i18n.outdated") {
		t.Fatalf("the translation marked up to date again is still reported:\n%s", out)
	}
	// Only a translation can be marked.
	if code, _, errs := lumen("translated", "--source", dir, "content/conditions/sciatica.md"); code != exitError ||
		!strings.Contains(errs, "content/conditions/sciatica.md is not a translation: translations are the .md files under content/es/") {
		t.Errorf("marking an original: exit %d, %q", code, errs)
	}
}
