package content

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

func TestParseDate(t *testing.T) {
	tests := []struct{ in, want, err string }{
		{in: "2026-03-14", want: "2026-03-14"},
		{in: "2026-03-14T09:30:00Z", want: "2026-03-14"},
		{in: "2026-03-14 09:30", want: "2026-03-14"},
		{in: "2024-13-01", err: `"2024-13-01" is not a date: month 13 is out of range; write YYYY-MM-DD`},
		{in: "2025-02-29", err: `"2025-02-29" is not a date: February 2025 has no day 29; write YYYY-MM-DD`},
		{in: "14/03/2026", err: `"14/03/2026" is not a date; write it as YYYY-MM-DD, such as 2026-03-14`},
		{in: "soon", err: `"soon" is not a date; write it as YYYY-MM-DD, such as 2026-03-14`},
	}
	for _, tt := range tests {
		d, err := ParseDate(tt.in)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("ParseDate(%q) error = %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || d.String() != tt.want {
			t.Errorf("ParseDate(%q) = %v, %v", tt.in, d, err)
		}
	}
}

func TestAddMonths(t *testing.T) {
	tests := []struct {
		from string
		n    int
		want string
	}{
		{"2026-01-31", 1, "2026-02-28"},
		{"2026-03-14", 12, "2027-03-14"},
		{"2024-02-29", 12, "2025-02-28"},
		{"2026-11-30", 3, "2027-02-28"},
	}
	for _, tt := range tests {
		d, _ := ParseDate(tt.from)
		if got := d.AddMonths(tt.n).String(); got != tt.want {
			t.Errorf("%s + %d months = %s, want %s", tt.from, tt.n, got, tt.want)
		}
	}
}

func TestSlugify(t *testing.T) {
	tests := map[string]string{
		"Lumbar Disc Herniation":    "lumbar-disc-herniation",
		"  What is RFA?  ":          "what-is-rfa",
		"Women's health":            "womens-health",
		"Diagnóstico y tratamiento": "diagnostico-y-tratamiento",
		"L4–L5 disc":                "l4-l5-disc",
		"../../etc/passwd":          "etc-passwd",
		"<script>alert(1)</script>": "script-alert-1-script",
		"!!!":                       "",
		"Ünïcödé Straße":            "unicode-straße",
	}
	for in, want := range tests {
		if got := Slugify(in); got != want {
			t.Errorf("Slugify(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzSlugify(f *testing.F) {
	for _, s := range []string{"Lumbar Disc", "../x", "a--b", "Ünï", "\x00\xff", "lumbar-disc-herniation", "a-", "-a", "10-ways"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Slugify(s)
		if strings.ContainsAny(got, "/\\. ?#%") || strings.HasPrefix(got, "-") || strings.HasSuffix(got, "-") || strings.Contains(got, "--") {
			t.Fatalf("Slugify(%q) = %q is not a clean path segment", s, got)
		}
		if Slugify(got) != got {
			t.Fatalf("Slugify is not idempotent on %q: %q then %q", s, got, Slugify(got))
		}
		if slow := slugify(s); slow != got {
			t.Fatalf("Slugify(%q) = %q, but without its shortcut %q", s, got, slow)
		}
	})
}

func TestValidNPI(t *testing.T) {
	for npi, want := range map[string]bool{"1234567893": true, "1234567890": false, "123456789": false, "12345678a3": false} {
		if got := ValidNPI(npi); got != want {
			t.Errorf("ValidNPI(%q) = %v", npi, got)
		}
	}
}

func TestKindOf(t *testing.T) {
	tests := map[string]Kind{
		"conditions/sciatica.md":      KindCondition,
		"articles/2024/news.md":       KindArticle,
		"articles/endoscopy/index.md": KindArticle,
		"about.md":                    KindPage,
		"guides/x.md":                 KindPage,
		"faqs/back.md":                KindFAQ,
		"providers/dr-a.md":           KindProvider,
		"locations/main.md":           KindLocation,
		"procedures/rfa.md":           KindProcedure,
	}
	for rel, want := range tests {
		if got := KindOf(rel); got != want {
			t.Errorf("KindOf(%q) = %q, want %q", rel, got, want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ name, file, src, want string }{
		{"unknown key", "content/conditions/a.md", "---\ntitle: A\nsymptons: [x]\n---\n", "content/conditions/a.md:3:1: unknown key \"symptons\"\n    hint: did you mean \"symptoms\"?"},
		{"key of another kind", "content/articles/a.md", "---\ntitle: A\nred_flags: [x]\n---\n", "content/articles/a.md:3:1: unknown key \"red_flags\""},
		{"missing title", "content/about.md", "---\ndescription: x\n---\n", "content/about.md:2: title is required"},
		{"no front matter", "content/about.md", "Hello\n", "content/about.md:1: no front matter"},
		{"missing reviewer", "content/faqs/a.md", "---\ntitle: A\nauthor: b\nlast_reviewed: 2026-01-01\nquestions: [{question: q, answer: a}]\n---\n", "content/faqs/a.md:2: a faq page needs reviewed_by"},
		{"bad date", "content/articles/a.md", "---\ntitle: A\ndate: 2024-13-01\n---\n", `content/articles/a.md:3:7: "date": "2024-13-01" is not a date: month 13 is out of range`},
		{"image without alt", "content/about.md", "---\ntitle: A\nimage: x.png\n---\n", `content/about.md:3: image "x.png" has no image_alt`},
		{"bad procedure type", "content/procedures/a.md", "---\ntitle: A\nauthor: x\nreviewed_by: x\nlast_reviewed: 2026-01-01\nprocedure_type: surgicle\nsummary: S.\nkey_points: [K.]\naftercare_warnings: [A fever.]\n---\n", "content/procedures/a.md:6: procedure_type \"surgicle\" is not one of percutaneous, surgical, injection, diagnostic, noninvasive\n    hint: did you mean \"surgical\"?"},
		{"bad npi", "content/providers/a.md", "---\ntitle: A\nnpi: \"1234567890\"\n---\n", `content/providers/a.md:3: npi "1234567890" is not a valid 10-digit National Provider Identifier`},
		{"bad hours", "content/locations/a.md", "---\ntitle: A\nhours:\n  - {days: Mon, opens: 8am, closes: 17:00}\n---\n", "content/locations/a.md:4: hours entry 1: opens \"8am\" is not a 24-hour time such as 08:30 or 17:00\n    hint: write opens: \"08:00\""},
		{"hours with p.m.", "content/locations/a.md", "---\ntitle: A\nhours:\n  - {days: Mon, opens: \"08:00\", closes: \"5.30 p.m.\"}\n---\n", "content/locations/a.md:4: hours entry 1: closes \"5.30 p.m.\" is not a 24-hour time such as 08:30 or 17:00\n    hint: write closes: \"17:30\""},
		{"no front matter, a long first line", "content/about.md", strings.Repeat("é", 70) + "\n", "content/about.md:1: no front matter: the file starts with \"" + strings.Repeat("é", 57) + "…\" instead of a line ---"},
		{"empty file", "content/about.md", "", "content/about.md:1: the file is empty [file]\n    hint: start it with a line ---"},
		{"blank file with a BOM", "content/about.md", "\ufeff\r\n  \n", "content/about.md:1: the file is empty"},
		{"reference without a link", "content/articles/a.md", "---\ntitle: A\nreferences:\n  - {title: T}\n---\n", "content/articles/a.md:4: reference 1 has no url, doi or pmid\n    hint: add where to find it"},
		{"reference with two links", "content/articles/a.md", "---\ntitle: A\nreferences:\n  - {title: T, pmid: \"123\", url: \"https://x.org/\"}\n---\n", "content/articles/a.md:4: reference 1 has more than one of url, doi and pmid"},
		{"bad doi", "content/articles/a.md", "---\ntitle: A\nreferences:\n  - {title: T, doi: \"https://doi.org/10.1/x\"}\n---\n", `content/articles/a.md:4: reference 1: doi "https://doi.org/10.1/x" is not a DOI`},
		{"bad slug", "content/about.md", "---\ntitle: A\nslug: ../../etc\n---\n", `content/about.md:3: slug "../../etc" may hold only lower-case letters, digits and single hyphens`},
		{"invalid utf8", "content/about.md", "---\ntitle: A\n---\nok\nbad \xff\n", "content/about.md:5:5: the file is not UTF-8 text: byte 0xFF cannot start a character"},
		{"nested section", "content/articles/x/_index.md", "---\ntitle: A\n---\n", "content/articles/x/_index.md:1: sections nest only one level"},
		{"override without reason", "content/articles/a.md", "---\ntitle: A\nreadability: {max_grade: 10}\n---\n", "content/articles/a.md:3: a readability override needs a reason"},
		{"condition without summary", "content/conditions/a.md", "---\ntitle: A\nauthor: x\nreviewed_by: x\nlast_reviewed: 2026-01-01\nkey_points: [K.]\n---\n", "content/conditions/a.md:2: a condition page needs a summary"},
		{"procedure without key points", "content/procedures/a.md", "---\ntitle: A\nauthor: x\nreviewed_by: x\nlast_reviewed: 2026-01-01\nsummary: S.\naftercare_warnings: [A fever.]\n---\n", "content/procedures/a.md:2: a procedure page needs key_points"},
		{"outcome without a source", "content/procedures/a.md", "---\ntitle: A\nauthor: x\nreviewed_by: x\nlast_reviewed: 2026-01-01\nsummary: S.\nkey_points: [K.]\naftercare_warnings: [A fever.]\noutcomes:\n  - text: 8 in 10 people feel better.\n---\n", "content/procedures/a.md:10: outcome 1 has no source: a patient weighing the procedure needs to see where the number comes from\n    hint: add source:"},
		{"outcome without text", "content/procedures/a.md", "---\ntitle: A\nauthor: x\nreviewed_by: x\nlast_reviewed: 2026-01-01\nsummary: S.\nkey_points: [K.]\naftercare_warnings: [A fever.]\noutcomes:\n  - source: {title: T, pmid: \"123\"}\n---\n", "content/procedures/a.md:10: outcome 1 has no text"},
		{"outcome with a bad source", "content/procedures/a.md", "---\ntitle: A\nauthor: x\nreviewed_by: x\nlast_reviewed: 2026-01-01\nsummary: S.\nkey_points: [K.]\naftercare_warnings: [A fever.]\noutcomes:\n  - text: 8 in 10 people feel better.\n    source: {title: T, doi: \"doi:10.1/x\"}\n---\n", `content/procedures/a.md:11: outcome 1: source: doi "doi:10.1/x" is not a DOI`},
		{"procedure without aftercare warnings", "content/procedures/a.md", "---\ntitle: A\nauthor: x\nreviewed_by: x\nlast_reviewed: 2026-01-01\nsummary: S.\nkey_points: [K.]\n---\n", "content/procedures/a.md:2: a procedure page needs aftercare_warnings"},
		{"faq without summary", "content/faqs/a.md", "---\ntitle: A\nauthor: x\nreviewed_by: x\nlast_reviewed: 2026-01-01\nquestions:\n  - question: Why\n    answer: Because.\n---\n", "content/faqs/a.md:2: a faq page needs a summary"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs := Parse(tt.file, []byte(tt.src))
			if len(errs) == 0 {
				t.Fatal("no error")
			}
			if got := errs[0].Error(); !strings.HasPrefix(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestParseTypedFrontMatter(t *testing.T) {
	src := "---\ntitle: Endoscopic discectomy\nprocedure_type: percutaneous\ntreats: [lumbar-disc-herniation]\nrecovery:\n  - {when: Day 1, what: Walk}\nauthor: dr-b\nreviewed_by: dr-a\nlast_reviewed: 2026-02-01\nsummary: S.\nkey_points: [K.]\naftercare_warnings: [A fever.]\n---\n\nBody here.\n"
	p, errs := Parse("content/procedures/endoscopic-discectomy.md", []byte(src))
	if errs != nil {
		t.Fatal(errs)
	}
	m, ok := p.Meta.(*Procedure)
	if !ok {
		t.Fatalf("meta is %T", p.Meta)
	}
	if m.Title != "Endoscopic discectomy" || m.Treats[0] != "lumbar-disc-herniation" || m.Recovery[0].What != "Walk" || p.Medical().ReviewedBy != "dr-a" {
		t.Errorf("decoded %+v", m)
	}
	if p.BodyLine != 13 || string(p.Body) != "\nBody here.\n" || p.Kind != KindProcedure || p.Section != "procedures" {
		t.Errorf("page %+v", p)
	}
}

// TestOutcomesAreCited checks that the sources of a procedure's outcomes
// join its references, each once: a source already among the references
// (by its address) is not added again.
func TestOutcomesAreCited(t *testing.T) {
	src := "---\ntitle: A\nauthor: x\nreviewed_by: x\nlast_reviewed: 2026-01-01\nsummary: S.\nkey_points: [K.]\naftercare_warnings: [A fever.]\n" +
		"references:\n  - {title: Trial A, doi: 10.1000/a}\n" +
		"outcomes:\n  - {text: One., source: {title: Trial A again, doi: 10.1000/a}}\n  - {text: Two., source: {title: Trial B, pmid: \"12\"}}\n  - {text: Three., source: {title: Trial B, pmid: \"12\"}}\n---\n"
	p, errs := Parse("content/procedures/a.md", []byte(src))
	if errs != nil {
		t.Fatal(errs)
	}
	var got []string
	for _, r := range p.Medical().References {
		got = append(got, r.Title+" "+r.Link())
	}
	want := []string{"Trial A https://doi.org/10.1000/a", "Trial B https://pubmed.ncbi.nlm.nih.gov/12/"}
	if !slices.Equal(got, want) {
		t.Errorf("references %q, want %q", got, want)
	}
}

func TestReferenceShort(t *testing.T) {
	tests := []struct{ title, want string }{
		{"Ruetten S, et al. Full-endoscopic discectomy: a randomized study. Spine. 2008;33:931-939", "Ruetten S, et al., 2008"},
		{"NICE guideline NG59: Low back pain and sciatica in over 16s", "NICE guideline NG59"},
		{"Deyo RA, Mirza SK. Herniated lumbar intervertebral disk. N Engl J Med. 2016;374:1763-1772", "Deyo RA, Mirza SK, 2016"},
		{"NIAMS: Back Pain", "NIAMS"},
		{"A study from 2019", "A study from 2019"},
		{"  Plain title  ", "Plain title"},
	}
	for _, tt := range tests {
		if got := (Reference{Title: tt.title}).Short(); got != tt.want {
			t.Errorf("Short(%q) = %q, want %q", tt.title, got, tt.want)
		}
	}
}

func TestLoad(t *testing.T) {
	fsys := fstest.MapFS{
		"content/_index.md":                    {Data: []byte("---\ntitle: Home\n---\n")},
		"content/about.md":                     {Data: []byte("---\ntitle: About\n---\n")},
		"content/articles/_index.md":           {Data: []byte("---\ntitle: Articles\n---\n")},
		"content/articles/draft.md":            {Data: []byte("---\ntitle: Soon\ndraft: true\n---\n")},
		"content/articles/scope/index.md":      {Data: []byte("---\ntitle: Scope\n---\n")},
		"content/articles/scope/diagram.svg":   {Data: []byte("<svg/>")},
		"content/articles/scope/img/photo.png": {Data: []byte("png")},
		"content/images/logo.svg":              {Data: []byte("<svg/>")},
		"content/.hidden.md":                   {Data: []byte("junk")},
		"content/articles/.post.md.swp":        {Data: []byte("junk")},
		"content/articles/4913":                {Data: []byte("")},
		"content/_drafts/x.md":                 {Data: []byte("junk")},
		"content/conditions/broken.md":         {Data: []byte("---\ntitel: x\n---\n")},
	}
	set, errs := Load(fsys, Options{})
	if len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), `content/conditions/broken.md:2:1: unknown key "titel"`) {
		t.Errorf("errors: %v", errs)
	}
	var got []string
	for _, p := range set.Pages {
		got = append(got, p.Rel+"="+string(p.Kind))
	}
	want := "_index.md=home about.md=page articles/_index.md=section articles/scope/index.md=article"
	if strings.Join(got, " ") != want {
		t.Errorf("pages:\n got %s\nwant %s", strings.Join(got, " "), want)
	}
	var files []string
	for _, f := range set.Files {
		files = append(files, f.Rel+"@"+f.Bundle)
	}
	if want := "articles/scope/diagram.svg@articles/scope/index.md articles/scope/img/photo.png@articles/scope/index.md images/logo.svg@"; strings.Join(files, " ") != want {
		t.Errorf("files:\n got %s\nwant %s", strings.Join(files, " "), want)
	}
	set, _ = Load(fsys, Options{Drafts: true})
	if len(set.Pages) != 5 {
		t.Errorf("with drafts: %d pages", len(set.Pages))
	}
}

func FuzzParse(f *testing.F) {
	f.Add("content/conditions/a.md", []byte("---\ntitle: A\nsymptoms: [x]\nauthor: c\nreviewed_by: b\nlast_reviewed: 2026-01-01\n---\nBody"))
	f.Add("content/faqs/a.md", []byte("---\ntitle: A\nquestions:\n  - question: q\n    answer: a\n---\n"))
	f.Add("content/locations/a.md", []byte("---\ntitle: A\naddress: {city: x}\ngeo: {lat: 1, lng: 2}\nhours: [{days: d, opens: '08:00', closes: '17:00'}]\n---\n"))
	f.Fuzz(func(t *testing.T, file string, data []byte) {
		p, errs := Parse("content/"+file, data)
		for _, e := range errs {
			if e.File != "content/"+file {
				t.Fatalf("error names %q", e.File)
			}
		}
		if p != nil && p.Meta == nil {
			t.Fatal("page without front matter value")
		}
	})
}
