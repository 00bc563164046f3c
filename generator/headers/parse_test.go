package headers

import (
	"strings"
	"testing"

	"github.com/lumen-ssg/lumen/generator/config"
)

func TestRulesMatchAsStaticHostsDo(t *testing.T) {
	for _, tc := range []struct {
		pattern, path string
		want          bool
	}{
		{"/*", "/", true},
		{"/*", "/css/main.css", true},
		{"/clinic/*", "/clinic/about/", true},
		{"/clinic/*", "/about/", false},
		{"/clinic/*", "/clinical/", false},
		{"/css/main.4b14a800.css", "/css/main.4b14a800.css", true},
		{"/css/main.4b14a800.css", "/css/main.4b14a800.cssx", false},
		{"/css/main.4b14a800.css", "/css/main.css", false},
		{"/articles/:slug/", "/articles/back-pain/", true},
		{"/articles/:slug/", "/articles/back-pain/x/", false},
		{"/articles/:slug/", "/articles//", false},
		{"/*.pdf", "/forms/intake.pdf", true},
		{"/*.pdf", "/forms/intake.pdf.html", false},
		{"", "/", false},
	} {
		if got := (Rule{Pattern: tc.pattern}).Matches(tc.path); got != tc.want {
			t.Errorf("%q matches %q = %v, want %v", tc.pattern, tc.path, got, tc.want)
		}
	}
}

// TestParseReadsWhatFileWrites reads back the _headers file of a site
// under a path: the security headers for every path, a year's caching for
// each fingerprinted file.
func TestParseReadsWhatFileWrites(t *testing.T) {
	cfg := &config.Config{BaseURL: "https://example.org/clinic/"}
	rules, err := Parse(File(cfg, []string{"css/main.4b14a800.css"}))
	if err != nil {
		t.Fatal(err)
	}
	if len(rules) != 2 {
		t.Fatalf("%d rules, want 2: %+v", len(rules), rules)
	}
	if all := rules[0]; all.Pattern != "/clinic/*" || all.Header.Get("X-Content-Type-Options") != "nosniff" || all.Line != 2 {
		t.Errorf("first rule: %+v", all)
	}
	if css := rules[1]; !css.Matches("/clinic/css/main.4b14a800.css") || css.Header.Get("Cache-Control") != CacheFingerprinted {
		t.Errorf("second rule: %+v", css)
	}
}

func TestParseRefusesAHeaderWithoutAPath(t *testing.T) {
	for _, bad := range []string{"  X-Frame-Options: DENY\n", "/*\n  no colon here\n"} {
		if _, err := Parse([]byte(bad)); err == nil || !strings.Contains(err.Error(), "_headers:") {
			t.Errorf("Parse(%q) = %v, want an error naming the line", bad, err)
		}
	}
}

func TestContentTypeAndCaching(t *testing.T) {
	for _, tc := range []struct{ name, ctype, cache string }{
		{"index.html", "text/html; charset=utf-8", CachePage},
		{"articles/index.xml", "application/xml; charset=utf-8", CachePage},
		{"robots.txt", "text/plain; charset=utf-8", CachePage},
		{"css/main.css", "text/css; charset=utf-8", CacheFile},
		{"images/Spine.JPG", "image/jpeg", CacheFile},
		{"favicon.svg", "image/svg+xml", CacheFile},
		{"forms/intake.pdf", "application/pdf", CacheFile},
		{"fonts/a.woff2", "font/woff2", CacheFile},
		{"data.unknownext", "application/octet-stream", CacheFile},
	} {
		if got := ContentType(tc.name); got != tc.ctype {
			t.Errorf("ContentType(%q) = %q, want %q", tc.name, got, tc.ctype)
		}
		if got := CacheControl(tc.name); got != tc.cache {
			t.Errorf("CacheControl(%q) = %q, want %q", tc.name, got, tc.cache)
		}
	}
}
