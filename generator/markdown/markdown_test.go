package markdown

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"

	"github.com/lumen-ssg/lumen/generator/diag"
)

// render renders src as the body of caseSource through siteFiles.
func render(t *testing.T, src string, offset int) (*Document, diag.List) {
	t.Helper()
	return New().Render(caseSource, []byte(src), offset, siteFiles)
}

// recordingResolver records its calls and resolves everything to "/r/"+dest.
type recordingResolver struct {
	mu    sync.Mutex
	calls []string
}

func (r *recordingResolver) Resolve(source, dest string) (string, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.calls = append(r.calls, source+" "+dest)
	return "/r/" + dest, nil
}

func TestResolve(t *testing.T) {
	tests := []struct {
		name, src string
		wantHref  string // the href written, or "" to check no link
		wantCalls []string
	}{
		{"relative md", "[a](../procedures/rfa.md)", `href="/r/../procedures/rfa.md"`,
			[]string{caseSource + " ../procedures/rfa.md"}},
		{"site url", "[a](/conditions/sciatica/)", `href="/r//conditions/sciatica/"`,
			[]string{caseSource + " /conditions/sciatica/"}},
		{"fragment kept", "[a](rfa.md#risks)", `href="/r/rfa.md#risks"`,
			[]string{caseSource + " rfa.md"}},
		{"query kept", "[a](/search/?q=back+pain)", `href="/r//search/?q=back+pain"`,
			[]string{caseSource + " /search/"}},
		{"query and fragment", "[a](x.md?a=1&b=2#top)", `href="/r/x.md?a=1&amp;b=2#top"`,
			[]string{caseSource + " x.md"}},
		{"percent-decoded", "[a](my%20file.md)", `href="/r/my%20file.md"`,
			[]string{caseSource + " my file.md"}},
		{"fragment only", "[a](#symptoms)", `href="#symptoms"`, nil},
		{"external not resolved", "[a](https://example.com/x.md)", `href="https://example.com/x.md"`, nil},
		{"protocol-relative not resolved", "[a](//example.com/x.md)", `href="//example.com/x.md"`, nil},
		{"mailto not resolved", "[a](mailto:a@example.com)", `href="mailto:a@example.com"`, nil},
		{"image resolved", "![alt](diagram.svg)", `src="/r/diagram.svg"`,
			[]string{caseSource + " diagram.svg"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := &recordingResolver{}
			doc, errs := New().Render(caseSource, []byte(tt.src), 0, res)
			if len(errs) != 0 {
				t.Fatalf("errors: %v", errs)
			}
			if !strings.Contains(string(doc.HTML), tt.wantHref) {
				t.Errorf("HTML %q does not contain %q", doc.HTML, tt.wantHref)
			}
			if !reflect.DeepEqual(res.calls, tt.wantCalls) {
				t.Errorf("resolver calls %q, want %q", res.calls, tt.wantCalls)
			}
		})
	}
}

func TestBrokenLinkPosition(t *testing.T) {
	// Body line 3 with 7 lines of front matter is file line 10.
	src := "Intro.\n\nSee [RFA](../procedures/missing.md#risks).\n"
	doc, errs := render(t, src, 7)
	want := `content/conditions/sciatica.md:10: broken link "../procedures/missing.md#risks": ` +
		`no page or file "content/procedures/missing.md" [link.broken]` + "\n    hint: " + brokenLinkHint
	if got := errs.Error(); got != want {
		t.Errorf("error\n got %s\nwant %s", got, want)
	}
	if len(errs) != 1 || errs[0].File != caseSource || errs[0].Line != 10 {
		t.Errorf("errors = %#v", errs)
	}
	// The HTML is still produced, with the link as written.
	if !strings.Contains(string(doc.HTML), `<a href="../procedures/missing.md#risks">RFA</a>`) {
		t.Errorf("HTML = %s", doc.HTML)
	}
	if len(doc.Links) != 1 || doc.Links[0].URL != "" || doc.Links[0].Line != 10 {
		t.Errorf("links = %+v", doc.Links)
	}
}

func TestLinePositions(t *testing.T) {
	src := strings.Join([]string{
		"[a](missing-1.md)",              // 1
		"",                               // 2
		"- item [b](missing-2.md)",       // 3
		"",                               // 4
		"> quote",                        // 5
		"> and ![c](missing-3.png)",      // 6
		"",                               // 7
		"| t |",                          // 8
		"|---|",                          // 9
		"| [d](missing-4.md) |",          // 10
		"",                               // 11
		"text [](missing-5.md) [e][ref]", // 12
		"",                               // 13
		"[ref]: missing-6.md",            // 14
	}, "\n")
	_, errs := render(t, src, 3)
	var got []int
	for _, e := range errs {
		got = append(got, e.Line)
	}
	// The empty link on line 15 is also reported for having no text.
	want := []int{4, 6, 9, 13, 15, 15, 15}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("lines %v, want %v\n%v", got, want, errs)
	}
}

func TestLinks(t *testing.T) {
	src := "[RFA](../procedures/rfa.md \"t\")\n" +
		"![Spine *x*](/images/spine.png) <https://example.com>\n" +
		"[bad](javascript:alert(1)) [NHS](https://www.nhs.uk/) [call](tel:123)\n"
	doc, errs := render(t, src, 1)
	want := []Link{
		{Dest: "../procedures/rfa.md", URL: "/procedures/rfa/", Line: 2, Text: "RFA"},
		{Dest: "/images/spine.png", URL: "/images/spine.png", Line: 3, Text: "Spine x", Image: true},
		{Dest: "https://example.com", URL: "https://example.com", Line: 3, Text: "https://example.com", External: true},
		{Dest: "javascript:alert(1)", URL: "", Line: 4, Text: "bad"},
		{Dest: "https://www.nhs.uk/", URL: "https://www.nhs.uk/", Line: 4, Text: "NHS", External: true},
		{Dest: "tel:123", URL: "tel:123", Line: 4, Text: "call"},
	}
	if !reflect.DeepEqual(doc.Links, want) {
		t.Errorf("links\n got %+v\nwant %+v", doc.Links, want)
	}
	if len(errs) != 1 || !strings.Contains(errs[0].Msg, `unsafe link destination "javascript:alert(1)" removed`) ||
		errs[0].Line != 4 || errs[0].Hint == "" {
		t.Errorf("errors = %v", errs)
	}
}

func TestNilResolver(t *testing.T) {
	doc, errs := New().Render(caseSource, []byte("[a](../nowhere.md#x) ![i](pic.png)"), 0, nil)
	if len(errs) != 0 {
		t.Errorf("errors: %v", errs)
	}
	for _, want := range []string{`href="../nowhere.md#x"`, `src="pic.png"`} {
		if !strings.Contains(string(doc.HTML), want) {
			t.Errorf("HTML %s does not contain %s", doc.HTML, want)
		}
	}
}

func TestTOC(t *testing.T) {
	src := "# Title\n\n## Symptoms\n\nText.\n\n### When to *call* us\n\n#### Details `x`\n\n## Treatment {#care}\n\n" +
		"##### Five\n\n###### Six\n\nSetext two\n----------\n"
	doc, _ := render(t, src, 0)
	want := []Heading{
		{2, "symptoms", "Symptoms"},
		{3, "when-to-call-us", "When to call us"},
		{4, "details-x", "Details x"},
		{2, "care", "Treatment"},
		{5, "five", "Five"},
		{6, "six", "Six"},
		{2, "setext-two", "Setext two"},
	}
	if !reflect.DeepEqual(doc.TOC, want) {
		t.Errorf("TOC\n got %+v\nwant %+v", doc.TOC, want)
	}
	if !strings.Contains(string(doc.HTML), `<h1 id="title">Title</h1>`) {
		t.Errorf("h1 missing its id: %s", doc.HTML)
	}
}

func TestHeadingIDsUnique(t *testing.T) {
	src := strings.Join([]string{
		"## FAQ", "## FAQ", "## FAQ-1", "## FAQ {#faq}", "## Other {#faq-2}", "## ", "## !!!", "## ???",
		"## Symptoms {#symptoms}", "## Symptoms",
	}, "\n\n")
	doc, _ := render(t, src, 0)
	seen := map[string]bool{}
	var ids []string
	for _, h := range doc.TOC {
		if seen[h.ID] {
			t.Errorf("id %q used twice", h.ID)
		}
		seen[h.ID] = true
		ids = append(ids, h.ID)
		if h.ID == "" || strings.ContainsAny(h.ID, " :\"'<>&") || h.ID != strings.ToLower(h.ID) {
			t.Errorf("bad id %q", h.ID)
		}
	}
	// A later author-written id keeps its name: automatic ids avoid it.
	want := []string{"faq-1", "faq-3", "faq-1-1", "faq", "faq-2", "section", "section-1", "section-2",
		"symptoms", "symptoms-1"}
	if !reflect.DeepEqual(ids, want) {
		t.Errorf("ids %q, want %q", ids, want)
	}
	if got := strings.Count(string(doc.HTML), ` id="`); got != len(want) {
		t.Errorf("%d ids in HTML, want %d", got, len(want))
	}
}

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Symptoms and Signs", "symptoms-and-signs"},
		{"  Leading and trailing  ", "leading-and-trailing"},
		{"What is RFA?", "what-is-rfa"},
		{"L4–L5 disc", "l4l5-disc"},
		{"snake_case and -- dashes", "snake-case-and-dashes"},
		{"Diagnóstico", "diagnóstico"},
		{"ÜBER", "über"},
		{"100% safe", "100-safe"},
		{"", "section"},
		{"***", "section"},
	}
	for _, tt := range tests {
		if got := slug(tt.in); got != tt.want {
			t.Errorf("slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestHighlight(t *testing.T) {
	doc, _ := render(t, "```go\npackage main\n\nfunc main() { println(\"<x>\") }\n```\n", 0)
	html := string(doc.HTML)
	for _, want := range []string{
		`<pre class="chroma" tabindex="0"><code class="language-go">`,
		`<span class="kn">package</span>`,
		`<span class="kd">func</span>`,
		`&lt;x&gt;`,
		"</code></pre>\n",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("HTML does not contain %q:\n%s", want, html)
		}
	}
	if strings.Contains(html, "style=") {
		t.Errorf("highlighted code has inline styles:\n%s", html)
	}
	if strings.Contains(html, "<div") || strings.Contains(html, "<p>") {
		t.Errorf("code block wrapped in a div or p:\n%s", html)
	}
}

func TestHighlightUnknownLanguage(t *testing.T) {
	for _, lang := range []string{"klingon", "no-such-lang", "", "a b", "{.x}", strings.Repeat("x", 100), "\"><x>"} {
		src := "```" + lang + "\nif a < b && c {\n```\n"
		doc, _ := render(t, src, 0)
		html := string(doc.HTML)
		if !strings.Contains(html, "<pre tabindex=\"0\"><code") || !strings.Contains(html, "if a &lt; b &amp;&amp; c {\n</code></pre>") {
			t.Errorf("lang %q: HTML = %s", lang, html)
		}
		if strings.Contains(html, "chroma") || strings.Contains(html, "<span") {
			t.Errorf("lang %q was highlighted: %s", lang, html)
		}
	}
	// The lexer cache answers the same the second time.
	r := New()
	for range 2 {
		doc, _ := r.Render(caseSource, []byte("```klingon\nx\n```\n\n```go\nx := 1\n```\n"), 0, nil)
		if got := strings.Count(string(doc.HTML), `class="chroma"`); got != 1 {
			t.Errorf("%d highlighted blocks, want 1: %s", got, doc.HTML)
		}
	}
}

// TestStyleCSS makes the stylesheet of a style of chroma's for the
// classes Render writes: the same classes whatever the style Render is
// given (ClassesStyle).
func TestStyleCSS(t *testing.T) {
	css, err := StyleCSS(styles.Get("github"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{".chroma", ".chroma .kd", ".chroma .s"} {
		if !strings.Contains(string(css), want) {
			t.Errorf("CSS does not contain %q", want)
		}
	}
	it, err := lexers.Get("go").Tokenise(nil, "package main\n\nfunc main() { println(\"hi\") }\n")
	if err != nil {
		t.Fatal(err)
	}
	tokens := it.Tokens()
	var classes, github bytes.Buffer
	if err := newFormatter().Format(&classes, ClassesStyle(), chroma.Literator(tokens...)); err != nil {
		t.Fatal(err)
	}
	if err := newFormatter().Format(&github, styles.Get("github"), chroma.Literator(tokens...)); err != nil {
		t.Fatal(err)
	}
	if classes.String() != github.String() || !strings.Contains(classes.String(), `class="kd"`) {
		t.Errorf("highlighted with ClassesStyle:\n%s\nwith github:\n%s", classes.String(), github.String())
	}
}

func TestHTMLCommentsDropped(t *testing.T) {
	doc, _ := render(t, "<!--\nnote to self\n-->\n\nText <!-- x --> here.\n", 0)
	if got, want := string(doc.HTML), "<p>Text  here.</p>\n"; got != want {
		t.Errorf("HTML = %q, want %q", got, want)
	}
}

func TestConcurrentRenders(t *testing.T) {
	r := New()
	inputs := caseInputs(t)
	want := make([]string, len(inputs))
	for i, in := range inputs {
		doc, errs := r.Render(caseSource, []byte(in), caseOffset, siteFiles)
		want[i] = string(doc.HTML) + fmt.Sprint(doc.TOC, doc.Links) + errText(errs.Err())
	}
	for w := range 8 {
		t.Run(fmt.Sprint("worker", w), func(t *testing.T) {
			t.Parallel()
			for k := range inputs {
				i := (k + w*7) % len(inputs) // each worker in its own order
				doc, errs := r.Render(caseSource, []byte(inputs[i]), caseOffset, siteFiles)
				if got := string(doc.HTML) + fmt.Sprint(doc.TOC, doc.Links) + errText(errs.Err()); got != want[i] {
					t.Errorf("input %d: concurrent render differs\n got %s\nwant %s", i, got, want[i])
				}
			}
		})
	}
}
