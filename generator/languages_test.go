package generator

import (
	"context"
	"io/fs"
	"strings"
	"testing"
	"time"

	"github.com/lumen-ssg/lumen/generator/check"
	"github.com/lumen-ssg/lumen/generator/output"
	"github.com/lumen-ssg/lumen/internal/sitetest"
	"github.com/lumen-ssg/lumen/themes"
)

// bilingual is a small practice in English and Spanish: a condition and
// its FAQ translated (the FAQ under another file name, with
// translation_of), a procedure and a provider in English only, a page in
// Spanish only.
const bilingual = `
-- site.yaml --
title: Test Practice
base_url: https://example.com/
language: en
languages:
  - {code: es, locale: es-US, title: Clínica de Prueba, tagline: Cuidado cerca de casa}
practice:
  phone: "(555) 010-0100"
  appointment_url: /contact/
menu:
  - {title: Conditions, url: /conditions/}
  - {title: Contact, url: /contact/}
-- content/contact.md --
---
title: Contact
---
Call us.
-- content/conditions/sciatica.md --
---
title: Sciatica
summary: Leg pain from a pinched nerve.
red_flags: [Numbness between the legs]
procedures: [discectomy]
author: dr-a
reviewed_by: dr-a
last_reviewed: 2026-02-01
key_points: [Rest helps.]
---
Sciatica often gets better. Read about [discectomy](/procedures/discectomy/).
-- content/procedures/discectomy.md --
---
title: Discectomy
treats: [sciatica]
recovery: [{when: Day 1, what: Walk a little}]
author: dr-a
reviewed_by: dr-a
last_reviewed: 2026-02-01
summary: Rest helps.
key_points: [Rest helps.]
aftercare_warnings: [A fever.]
---
Back to [sciatica](/conditions/sciatica/).
-- content/faqs/basics.md --
---
title: Basics
about: [sciatica]
author: dr-a
reviewed_by: dr-a
last_reviewed: 2026-02-01
questions:
  - question: Will it come back?
    answer: It can.
summary: Rest helps.
---
-- content/providers/dr-a.md --
---
title: Dr. A
---
-- content/articles/scope/index.md --
---
title: Scope
date: 2025-03-01
image: pic.svg
image_alt: A thin tube with a camera
---
![A thin tube with a camera](pic.svg)
-- content/articles/scope/pic.svg --
<svg xmlns="http://www.w3.org/2000/svg"/>
-- content/glossary.yaml --
terms:
  - {term: sciatica, definition: pain down one leg}
-- content/es/glossary.yaml --
terms:
  - {term: ciática, definition: dolor que baja por una pierna}
-- content/es/contact.md --
---
title: Contacto
slug: contacto
---
Llámenos.
-- content/es/conditions/sciatica.md --
---
title: Ciática
slug: ciatica
summary: Dolor de pierna por un nervio pinchado.
red_flags: [Adormecimiento entre las piernas]
procedures: [discectomy]
author: dr-a
reviewed_by: dr-a
last_reviewed: 2026-02-01
key_points: [El reposo ayuda.]
---
La ciática suele mejorar. Lea sobre la [discectomía](/procedures/discectomy/)
y vea [la ciática](/conditions/sciatica/) y [nosotros](/nosotros/).
-- content/es/faqs/preguntas.md --
---
title: Preguntas básicas
translation_of: faqs/basics.md
about: [sciatica]
author: dr-a
reviewed_by: dr-a
last_reviewed: 2026-02-01
questions:
  - question: ¿Puede volver?
    answer: Sí, puede volver.
summary: El reposo ayuda.
---
-- content/es/articles/scope/index.md --
---
title: Endoscopio
date: 2025-03-01
image: pic.svg
image_alt: Un tubo delgado con una cámara
---
![Un tubo delgado con una cámara](pic.svg)
-- content/es/nosotros.md --
---
title: Nosotros
---
Solo en español.
`

// TestBilingualSite builds a site in English and Spanish: each language
// at its own addresses with its own lists, each translated page pointing
// at the other with hreflang (and x-default) both ways, the sitemap
// listing both with alternates, links and relations found in the page's
// language first and in English when there is no translation, and the
// menu and booking button of Spanish pages leading to Spanish pages.
func TestBilingualSite(t *testing.T) {
	out := build(t, bilingual, Options{Today: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)})
	page := func(name string) string {
		t.Helper()
		data, err := fs.ReadFile(out, name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return string(data)
	}
	has := func(name string, want ...string) {
		t.Helper()
		got := page(name)
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("%s lacks %q", name, w)
			}
		}
	}
	hasNot := func(name string, unwanted ...string) {
		t.Helper()
		got := page(name)
		for _, w := range unwanted {
			if strings.Contains(got, w) {
				t.Errorf("%s has %q", name, w)
			}
		}
	}
	enAlt := `<link rel="alternate" hreflang="en" href="https://example.com/conditions/sciatica/">`
	esAlt := `<link rel="alternate" hreflang="es-US" href="https://example.com/es/conditions/ciatica/">`
	xAlt := `<link rel="alternate" hreflang="x-default" href="https://example.com/conditions/sciatica/">`
	has("conditions/sciatica/index.html", `<html lang="en">`, enAlt, esAlt, xAlt)
	has("es/conditions/ciatica/index.html", `<html lang="es">`, enAlt, esAlt, xAlt,
		`<link rel="canonical" href="https://example.com/es/conditions/ciatica/">`,
		`<meta property="og:locale" content="es_US">`,
		// An English-only page is linked where it is; a link to a page
		// with a translation goes to the translation.
		`href="/procedures/discectomy/"`, `href="/es/conditions/ciatica/"`, `href="/es/nosotros/"`,
		// The menu and the booking button lead to the Spanish pages.
		`href="/es/conditions/"`, `href="/es/contacto/"`,
		"Clínica de Prueba", "Cuidado cerca de casa", `"inLanguage":"es"`)
	// The FAQ is translated under another file name.
	has("es/faqs/preguntas/index.html", `hreflang="en" href="https://example.com/faqs/basics/"`)
	has("faqs/basics/index.html", `hreflang="es-US" href="https://example.com/es/faqs/preguntas/"`)
	// Pages in one language only have no alternates; a bundle's image
	// not copied into the translation's folder is the original's.
	hasNot("es/nosotros/index.html", `<link rel="alternate" hreflang=`)
	hasNot("procedures/discectomy/index.html", `<link rel="alternate" hreflang=`)
	// The language switcher leads to the same page in the other
	// language, or to its home page with a note in that language.
	has("es/conditions/ciatica/index.html", `<nav class="lang-bar" aria-label="Idiomas">`,
		`<a href="/conditions/sciatica/" hreflang="en" lang="en">English</a>`)
	has("procedures/discectomy/index.html", `<nav class="lang-bar" aria-label="Languages">`,
		`<a href="/es/" hreflang="es-US" lang="es">Español<span class="lang-note">página principal: esta página aún no está en español</span></a>`)
	has("es/articles/scope/index.html", `src="/articles/scope/pic.svg"`)
	// The generated pages are twins too: home, sections.
	has("es/index.html", `hreflang="en" href="https://example.com/"`, `<html lang="es">`)
	has("index.html", `hreflang="es-US" href="https://example.com/es/"`)
	has("es/conditions/index.html", `href="/es/conditions/ciatica/"`)
	hasNot("es/conditions/index.html", `href="/conditions/sciatica/"`)
	// The English procedure lists only English conditions.
	hasNot("procedures/discectomy/index.html", `/es/conditions/`)
	has("sitemap.xml", `xmlns:xhtml="http://www.w3.org/1999/xhtml"`,
		"<loc>https://example.com/es/conditions/ciatica/</loc>",
		`<xhtml:link rel="alternate" hreflang="es-US" href="https://example.com/es/conditions/ciatica/"></xhtml:link>`,
		"<loc>https://example.com/es/nosotros/</loc>")
	has("es/articles/index.xml", "<title>Clínica de Prueba: articles</title>", "https://example.com/es/articles/scope/")
	has("es/404.html", `<html lang="es">`)
	// Each language's pages are defined the terms of its own glossary,
	// which is not published.
	has("es/conditions/ciatica/index.html", `<dfn class="gloss">ciática</dfn><span class="gloss-def"> (dolor que baja por una pierna)</span>`)
	hasNot("es/conditions/ciatica/index.html", "pain down one leg")
	has("conditions/sciatica/index.html", `<dfn class="gloss">Sciatica</dfn><span class="gloss-def"> (pain down one leg)</span>`)
	if _, err := fs.Stat(out, "es/glossary.yaml"); err == nil {
		t.Error("content/es/glossary.yaml is published")
	}
	// Each language has a search page and an index of its own, with
	// its stopwords and synonyms, and the header box of its pages leads
	// there.
	has("es/search/index.html", `<html lang="es">`, `action="/es/search/"`)
	has("es/conditions/ciatica/index.html", `action="/es/search/"`)
	has("conditions/sciatica/index.html", `action="/search/"`)
	has("es/search/meta.json", `"que"`, `"hernia disco"`)
	hasNot("search/meta.json", `"que"`, `"hernia disco"`)
	has("es/search/r/0.json", `"u":"/es/conditions/ciatica/"`, `"k":"Afección"`)
	hasNot("search/r/0.json", `/es/`)
}

// TestLinksToAnotherLanguageWarn checks that a translation's link to a
// page that is not translated yet is a warning naming the link and the
// language it leads to, and that the English word checks leave Spanish
// pages alone.
func TestLinksToAnotherLanguageWarn(t *testing.T) {
	src, _ := sitetest.Parse(bilingual)
	res, err := Build(context.Background(), Options{Source: src, Theme: themes.Default(), Out: output.NewMem(), Today: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range res.Findings {
		if strings.HasPrefix(f.File, "content/es/") && f.Rule != "i18n.outdated" {
			got = append(got, f.Error())
		}
	}
	want := []string{"content/es/conditions/sciatica.md:12: warning: the link to /procedures/discectomy/ leads to a page in English: this page is in Español, and that page has no translation yet; say in the text that it is in English, or translate it [i18n.link]"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings on the Spanish pages:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestTranslationErrors checks the mistakes of translations: one that
// names an original that does not exist, translation_of on a page of the
// default language, two translations of one page.
func TestTranslationErrors(t *testing.T) {
	src, _ := sitetest.Parse(`
-- site.yaml --
title: T
base_url: https://example.com/
languages: [{code: es}]
-- content/about.md --
---
title: About
translation_of: about.md
---
-- content/es/nosotros.md --
---
title: Nosotros
translation_of: abuot.md
---
-- content/es/about.md --
---
title: Acerca
---
-- content/es/acerca.md --
---
title: Acerca de
translation_of: about.md
---
`)
	_, err := Build(context.Background(), Options{Source: src, Theme: themes.Default(), Out: output.NewMem()})
	if err == nil {
		t.Fatal("the build succeeded")
	}
	got := err.Error()
	for _, want := range []string{
		`content/about.md:3: translation_of "about.md": this page is in the site's default language, so it translates nothing`,
		`content/es/nosotros.md:3: translation_of "abuot.md": there is no page content/abuot.md to translate [relation]` + "\n    hint: did you mean about.md?",
		`content/es/acerca.md:3: this page and content/es/about.md both translate content/about.md into Español`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the errors lack\n%s\ngot:\n%s", want, got)
		}
	}
}

// TestSpanishReadability checks that a page in Spanish is scored with the
// Spanish formulas, its INFLESZ held to the language's target, its words
// held to the Spanish list of plainer words, and not judged by the English
// formulas or lists.
func TestSpanishReadability(t *testing.T) {
	hard := strings.Repeat("La administración farmacológica intraarticular de corticosteroides inyectables proporciona habitualmente una disminución considerable de la sintomatología inflamatoria articular. ", 10)
	easy := strings.Repeat("El dolor de espalda es común. Casi siempre mejora en unas semanas. Camine un poco cada día. ", 10)
	src, _ := sitetest.Parse(`
-- site.yaml --
title: T
base_url: https://example.com/
languages: [{code: es, readability: {min_inflesz: 65}}]
-- content/es/dificil.md --
---
title: Difícil
---
` + hard + `
-- content/es/facil.md --
---
title: Fácil
---
` + easy + `
`)
	res, err := Build(context.Background(), Options{Source: src, Theme: themes.Default(), Out: output.NewMem(), Detail: true})
	if err != nil {
		t.Fatal(err)
	}
	pages := map[string]check.Page{}
	for _, p := range res.Report.Pages {
		pages[p.Source] = p
	}
	for name, want := range map[string]string{"content/es/dificil.md": "muy difícil", "content/es/facil.md": "muy fácil"} {
		p := pages[name]
		if p.Language != "es" || p.INFLESZ == nil || p.FernandezHuerta == nil || p.INFLESZScale != want {
			t.Errorf("%s: language %q, INFLESZ %v (%q), Fernández-Huerta %v; want the band %q", name, p.Language, p.INFLESZ, p.INFLESZScale, p.FernandezHuerta, want)
		}
	}
	got := diagText(res.Findings)
	if !strings.Contains(got, "content/es/dificil.md:4: warning: its sentences score") || !strings.Contains(got, "below the target of 65") || !strings.Contains(got, "[readability.inflesz]") {
		t.Errorf("the hard Spanish page is not held to its target:\n%s", got)
	}
	// Spanish words with plainer ones are Spanish: "sintomatología".
	if !strings.Contains(got, `content/es/dificil.md:4: warning: "sintomatología" has a plainer word: "síntomas"`) {
		t.Errorf("the Spanish list of plainer words is not used:\n%s", got)
	}
	if strings.Contains(got, "facil.md") || strings.Contains(got, "readability.grade") || strings.Contains(got, "readability.passive") {
		t.Errorf("findings the Spanish pages should not have:\n%s", got)
	}
}

// TestTranslationOfInOneLanguage checks that translation_of on a site of
// one language is the same error as on a site of several, not ignored.
func TestTranslationOfInOneLanguage(t *testing.T) {
	src, _ := sitetest.Parse(`
-- site.yaml --
title: T
base_url: https://example.com/
-- content/about.md --
---
title: About
translation_of: contact.md
---
`)
	_, err := Build(context.Background(), Options{Source: src, Theme: themes.Default(), Out: output.NewMem()})
	if err == nil || !strings.Contains(err.Error(), `content/about.md:3: translation_of "contact.md": this page is in the site's default language, so it translates nothing`) {
		t.Errorf("got %v", err)
	}
}
