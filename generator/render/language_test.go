package render

import (
	"bytes"
	"html/template"
	"io/fs"
	"maps"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/lumen-ssg/lumen/generator/config"
	"github.com/lumen-ssg/lumen/generator/content"
	"github.com/lumen-ssg/lumen/generator/i18n"
	"github.com/lumen-ssg/lumen/generator/site"
	"github.com/lumen-ssg/lumen/themes"
)

// spanishSite is a small site written in Spanish, whose pages show every
// part of the default theme's layouts: red flags with a phone and an
// after-hours phone, self-care, a review line, hours, a FAQ, topics.
var spanishSite = map[string]string{
	"site.yaml": `title: Clínica Ejemplo
description: Atención para el dolor de espalda.
base_url: https://www.example.com/
language: es
practice:
  name: Clínica Ejemplo
  tagline: Atención cerca de usted
  phone: "(555) 010-0199"
  after_hours_phone: "(555) 010-0100"
  email: citas@example.com
  appointment_url: /citas/
  insurance: [Medicare, Medicaid]
menu:
  - {title: Problemas de salud, url: /conditions/}
`,
	"content/_index.md":  "---\ntitle: Bienvenidos\ndescription: Atención para el dolor de espalda.\n---\n",
	"content/citas.md":   "---\ntitle: Citas\ndescription: Cómo pedir una cita.\n---\n",
	"content/contact.md": "---\ntitle: Contacto\ndescription: Cómo llamarnos.\n---\n",
	"content/providers/dra-ruiz.md": `---
title: Dra. Ana Ruiz
description: La Dra. Ruiz trata el dolor de espalda.
credentials: [MD]
role: Médica del dolor
specialties: [Medicina del dolor]
languages: [Español, Inglés]
accepting_new_patients: true
locations: [centro]
---

La Dra. Ruiz atiende a pacientes con dolor de espalda.
`,
	"content/locations/centro.md": `---
title: Consultorio del centro
description: Nuestro consultorio del centro.
address: {street: 1 Calle Mayor, city: Springfield, region: OR, postal_code: "97000", country: US}
phone: "(555) 010-0199"
email: centro@example.com
directions_url: https://www.openstreetmap.org/
geo: {lat: 44.05, lng: -123.09}
hours:
  - {days: De lunes a viernes, opens: "08:00", closes: "17:30"}
  - {days: Sábados, opens: "09:00", closes: "12:00"}
parking: Estacionamiento gratis junto al edificio.
---

El consultorio está en la planta baja.
`,
	"content/conditions/ciatica.md": `---
title: Ciática
description: Dolor que baja de la espalda por una pierna.
also_known_as: [Dolor del nervio ciático]
summary: La ciática es un dolor que baja de la espalda por una pierna.
key_points: [Casi todas las personas mejoran en pocas semanas.]
symptoms: [Dolor en una pierna]
red_flags: [Adormecimiento entre las piernas]
urgent: [Fiebre con dolor de espalda]
routine: [Dolor que no mejora en seis semanas]
self_care:
  do: [Camine un poco cada día]
  dont: [No se quede en cama]
causes: [El desgaste de los discos]
risk_factors: [Fumar]
complications: [Dolor que dura meses]
diagnosis: [Un examen físico]
treatments: [Moverse, Terapia física]
prevention: [Mantenerse activo]
anatomy: [Nervio ciático]
icd10: [M54.3]
procedures: [inyeccion]
tags: [espalda]
author: dra-ruiz
reviewed_by: dra-ruiz
last_reviewed: 2026-03-01
---
`,
	"content/procedures/inyeccion.md": `---
title: Inyección epidural
description: Una inyección que calma el dolor del nervio.
summary: Una inyección de medicina cerca del nervio.
key_points: [Dura unos minutos.]
procedure_type: injection
duration: 20 minutos
anesthesia: Anestesia local
not_for: [Una infección en la espalda]
before: [Traiga su lista de medicinas]
during: [Usted se acuesta boca abajo]
after: [Descanse el resto del día]
recovery:
  - {when: El primer día, what: Descanse.}
aftercare_warnings: [Fiebre alta]
risks: [Dolor donde entró la aguja]
alternatives: [Terapia física]
author: dra-ruiz
reviewed_by: dra-ruiz
last_reviewed: 2026-03-01
---
`,
	"content/faqs/espalda.md": `---
title: Preguntas sobre la espalda
description: Respuestas a preguntas comunes.
summary: Respuestas a preguntas comunes sobre el dolor de espalda.
questions:
  - question: ¿Debo quedarme en cama?
    answer: No. Moverse un poco ayuda.
about: [ciatica]
author: dra-ruiz
reviewed_by: dra-ruiz
last_reviewed: 2026-03-01
---
`,
	"content/articles/bienvenidos.md": `---
title: Nuestro sitio nuevo
description: Lo que puede encontrar en nuestro sitio.
date: 2026-01-15
tags: [espalda, noticias]
author: dra-ruiz
---

Puede leer sobre la ciática.
`,
}

// themeStrings loads the default theme's strings in English and Spanish.
func themeStrings(t *testing.T, theme fs.FS, siteFS fs.FS) *i18n.Catalog {
	t.Helper()
	cat, errs := i18n.Load(theme, siteFS, []string{"en", "es"}, nil)
	if errs != nil {
		t.Fatal(errs)
	}
	return cat
}

// renderAll renders every page of the site in fsys with the default
// theme, by URL, and returns the titles of its pages.
func renderAll(t *testing.T, fsys fstest.MapFS) (pages map[string]string, titles []string) {
	t.Helper()
	s, r := siteOf(t, fsys)
	pages = map[string]string{}
	for _, p := range s.Pages {
		var b bytes.Buffer
		if err := r.Render(&b, Data{Site: s, Page: p}); err != nil {
			t.Fatalf("%s: %v", p.URL, err)
		}
		pages[p.URL] = b.String()
		titles = append(titles, p.Title())
	}
	return pages, titles
}

// siteOf returns the site in fsys and its Renderer, with the default
// theme.
func siteOf(t *testing.T, fsys fstest.MapFS) (*site.Site, *Renderer) {
	t.Helper()
	cfg, err := config.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	set, errs := content.Load(fsys, content.Options{})
	if errs.Errors() != nil {
		t.Fatal(errs)
	}
	// Each answer of a FAQ is its text, as the Markdown of a plain
	// sentence would be.
	answers := func(_ *site.Site, p *site.Page) *site.Body {
		b := &site.Body{}
		if f, ok := p.Meta.(*content.FAQ); ok {
			for _, q := range f.Questions {
				b.Answers = append(b.Answers, template.HTML("<p>"+template.HTMLEscapeString(q.Answer)+"</p>"))
			}
		}
		return b
	}
	s, errs := site.New(cfg, set, site.Options{Convert: answers, Strings: themeStrings(t, themes.Default(), nil)})
	if errs.Errors() != nil {
		t.Fatal(errs)
	}
	r, err := New(themes.Default(), cfg, themeStrings(t, themes.Default(), fsys), nil)
	if err != nil {
		t.Fatal(err)
	}
	return s, r
}

func mapFS(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

func TestRenderSpanish(t *testing.T) {
	pages, titles := renderAll(t, mapFS(spanishSite))
	for url, want := range map[string][]string{
		"/conditions/ciatica/": {
			`<html lang="es">`,
			`<a class="skip-link" href="#main">Ir al contenido principal</a>`,
			`<p class="page-kind">Problema de salud</p>`,
			`<span class="alert-icon" aria-hidden="true">!</span> Cuándo pedir ayuda</h2>`,
			`Emergencia: llame al 911 o vaya ahora a la sala de emergencias más cercana`,
			`<p>Llámenos al <a href="tel:&#43;15550100199">(555) 010-0199</a> (de noche y los fines de semana, al <a href="tel:&#43;15550100100">(555) 010-0100</a>) o vaya a un centro de atención urgente el mismo día`,
			`<p><a href="/citas/">Pida una cita</a> para dentro de una o dos semanas si tiene:</p>`,
			`Revisión médica: <a href="/providers/dra-ruiz/">Dra. Ana Ruiz</a></span>`,
			`<span class="review-item">Última revisión: <time datetime="2026-03-01">1 de marzo de 2026</time></span>`,
			`<nav class="contents" aria-label="En esta página"><details><summary>En esta página</summary>`,
			`<h2 id="page-risk-factors">Factores de riesgo</h2>`,
			`<span class="help-label">Llámenos</span>`,
			`<strong>En una emergencia, llame al 911</strong>`,
			`<li>Teléfono: <a href="tel:&#43;15550100199">(555) 010-0199</a></li>`,
			`<nav class="breadcrumbs wrap" aria-label="Ruta de navegación">`,
			`<a href="/">Inicio</a>`,
		},
		"/procedures/inyeccion/": {
			`<dt>Tipo</dt><dd>Inyección</dd>`,
			`Llámenos, de día o de noche, al <a href="tel:&#43;15550100100">(555) 010-0100</a> si tiene cualquiera de estas cosas:`,
		},
		"/locations/centro/": {
			`<td><time datetime="17:30">5:30 p. m.</time></td>`,
			`<caption class="visually-hidden">Horario de Consultorio del centro</caption>`,
			`Cómo llegar<span class="visually-hidden"> a Consultorio del centro</span>`,
		},
		"/articles/bienvenidos/": {
			`Escrito por <a href="/providers/dra-ruiz/">Dra. Ana Ruiz</a>`,
			`Publicado el <time datetime="2026-01-15">15 de enero de 2026</time>`,
		},
		"/tags/espalda/": {`<h2 id="page-list">2 páginas sobre este tema</h2>`},
		"/tags/":         {`(1 página)`, `(2 páginas)`},
		"/search/": {
			`<script type="application/json" id="search-messages">{`,
			`"search_found":{"one":"{count} resultado para “{query}”.","other":"{count} resultados para “{query}”."}`,
			`placeholder="Por ejemplo: hernia de disco"`,
		},
	} {
		page, ok := pages[url]
		if !ok {
			t.Errorf("no page %s", url)
			continue
		}
		for _, w := range want {
			if !strings.Contains(page, w) {
				t.Errorf("%s lacks %s", url, w)
			}
		}
	}
	// No page shows an English string of the theme: each run of four
	// words or more of en.yaml's strings, between placeholders and tags.
	// The titles of pages are left out: they are the site's, and those
	// of the pages Lumen makes (the search page, the A to Z list) are
	// package site's, not the theme's.
	en := readStrings(t, "en")
	for url, page := range pages {
		for _, title := range titles {
			page = strings.ReplaceAll(page, title, "")
		}
		if url == "/search/" {
			// The search page's messages for its script are JSON, and
			// Spanish; they are checked above.
			page = regexp.MustCompile(`(?s)<script type="application/json" id="search-messages">.*?</script>`).ReplaceAllString(page, "")
		}
		for _, run := range englishRuns(en) {
			if strings.Contains(page, run) {
				t.Errorf("%s shows the English %q", url, run)
			}
		}
	}
}

// readStrings returns the texts of the default theme's translation file
// of the language code, with the forms of plural strings, by key.
func readStrings(t *testing.T, code string) map[string][]string {
	t.Helper()
	cat := themeStrings(t, themes.Default(), nil)
	out := map[string][]string{}
	for _, key := range keysOf(t, code) {
		v, _ := cat.Lang(code).Source(key)
		switch v := v.(type) {
		case string:
			out[key] = []string{v}
		case map[string]string:
			for _, s := range v {
				out[key] = append(out[key], s)
			}
		}
	}
	return out
}

// keysOf returns the keys of the default theme's translation file of the
// language code, read as lines "key:" at the start of a line.
func keysOf(t *testing.T, code string) []string {
	t.Helper()
	data, err := fs.ReadFile(themes.Default(), "i18n/"+code+".yaml")
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, m := range regexp.MustCompile(`(?m)^([a-z0-9_]+):`).FindAllStringSubmatch(string(data), -1) {
		keys = append(keys, m[1])
	}
	return keys
}

// englishRuns returns the runs of four words or more of the strings en,
// split at placeholders and tags: what an English page would show.
func englishRuns(en map[string][]string) []string {
	split := regexp.MustCompile(`\{[A-Za-z_][A-Za-z0-9_]*\}|<[^>]*>`)
	var runs []string
	for _, texts := range en {
		for _, s := range texts {
			for _, run := range split.Split(s, -1) {
				run = strings.TrimSpace(run)
				if len(strings.Fields(run)) >= 4 {
					runs = append(runs, run)
				}
			}
		}
	}
	return runs
}

// procedureTypes are the values of procedure_type, whose names the
// procedure layout asks for as procedure_type_<value>.
var procedureTypes = []string{"percutaneous", "surgical", "injection", "diagnostic", "noninvasive"}

// TestThemeKeys holds the default theme's templates to its translation
// files: every key a template asks for is in en.yaml and es.yaml, and so
// are the keys the templates make while rendering (the names of the kinds
// of pages and of the procedure types).
func TestThemeKeys(t *testing.T) {
	cat := themeStrings(t, themes.Default(), nil)
	r, err := New(themes.Default(), &config.Config{Language: "en"}, cat, nil)
	if err != nil {
		t.Fatal(err)
	}
	var found []call
	for _, l := range r.langs {
		for _, layout := range l.layouts {
			found = append(found, calls(layout)...)
		}
	}
	if len(found) < 100 {
		t.Fatalf("found %d calls of t in the theme; the scan is broken", len(found))
	}
	keys := map[string]bool{}
	for _, c := range found {
		keys[c.Key] = true
	}
	for _, k := range content.Kinds() {
		keys["kind_"+string(k.Kind)] = true
	}
	for _, p := range procedureTypes {
		keys["procedure_type_"+p] = true
	}
	for _, key := range site.Keys() {
		keys[key] = true // the titles of the pages package site makes
	}
	for _, code := range []string{"en", "es"} {
		for key := range keys {
			if !cat.Lang(code).Has(key) {
				t.Errorf("the theme asks for %q, which i18n/%s.yaml lacks", key, code)
			}
		}
	}
	// Every key of en.yaml is used, or is one Lumen itself needs.
	for _, key := range i18n.FormatKeys {
		keys[key] = true
	}
	keys["on_this_page"] = true
	for _, key := range keysOf(t, "en") {
		if !keys[key] && !strings.HasPrefix(key, "search_") && !strings.HasPrefix(key, "result_") {
			t.Errorf("en.yaml has %q, which no template asks for", key)
		}
	}
}

// TestEnglishRunsAreFound keeps TestRenderSpanish honest: the same site
// in English shows the runs it looks for.
func TestEnglishRunsAreFound(t *testing.T) {
	files := maps.Clone(spanishSite)
	files["site.yaml"] = strings.Replace(files["site.yaml"], "language: es", "language: en", 1)
	pages, _ := renderAll(t, mapFS(files))
	runs := englishRuns(readStrings(t, "en"))
	shown := 0
	for _, run := range runs {
		for _, page := range pages {
			if strings.Contains(page, run) {
				shown++
				break
			}
		}
	}
	if shown < 40 {
		t.Errorf("the English site shows %d of the %d runs of en.yaml; want 40 or more", shown, len(runs))
	}
}

func TestKeyErrors(t *testing.T) {
	cat := themeStrings(t, themes.Default(), nil)
	label := func(name string) string { return "themes/default/" + name }
	for _, tc := range []struct {
		name, partial, want string
	}{
		{"a key no language has", "<p>\n{{t \"when_to_get_hlep\"}}</p>",
			`themes/default/layouts/partials/keypoints.html:2: no string "when_to_get_hlep" in language "en"` +
				"\n    hint: add it to the site's i18n/en.yaml, or to the theme's themes/default/i18n/en.yaml"},
		{"a placeholder the call does not give", `{{t "reviewed_by_on" "reviewer" "x"}}`,
			`themes/default/layouts/partials/keypoints.html:1: the string "reviewed_by_on" of language "en" uses {date}, which this t does not give` +
				"\n    hint: give it, such as {{t \"reviewed_by_on\" \"date\" value}}, or remove {date} from the string"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			theme := Overlay(mapFS(map[string]string{"layouts/partials/keypoints.html": tc.partial}), themes.Default())
			_, err := New(theme, &config.Config{Language: "en"}, cat, label)
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("got %v\nwant %s", err, tc.want)
			}
		})
	}
	// A key made while rendering is checked when it is used.
	theme := Overlay(mapFS(map[string]string{"layouts/page.html": "{{define \"main\"}}\n{{t (print \"kind_\" \"nope\")}}{{end}}"}), themes.Default())
	r, err := New(theme, &config.Config{Language: "en"}, cat, label)
	if err != nil {
		t.Fatal(err)
	}
	fsys := mapFS(map[string]string{"site.yaml": "title: T\nbase_url: https://example.com/\nlanguage: es\n", "content/about.md": "---\ntitle: About\n---\n"})
	cfg, err := config.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	set, _ := content.Load(fsys, content.Options{})
	s, _ := site.New(cfg, set, site.Options{})
	err = r.Render(&bytes.Buffer{}, Data{Site: s, Page: s.PageAt("/about/")})
	want := `themes/default/layouts/page.html:2:2: template error: executing "main" at <t (print "kind_" "nope")>: error calling t: no string "kind_nope" in language "es"` +
		"\n    hint: add it to the site's i18n/es.yaml, or to the theme's i18n/es.yaml"
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
}
