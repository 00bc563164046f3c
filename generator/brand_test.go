package generator

import (
	"bytes"
	"image/png"
	"io/fs"
	"strings"
	"testing"

	"github.com/lumen-ssg/lumen/generator/images"
	"github.com/lumen-ssg/lumen/internal/phototest"
	"github.com/lumen-ssg/lumen/internal/sitetest"
)

const brandSite = `
-- site.yaml --
title: Test
base_url: https://example.com/clinic/
practice: {name: Clearwater Spine & Pain}
brand:
  logo: /images/logo.png
  share_image: /images/share.jpg
  icon: /images/icon.png
-- content/about.md --
---
title: About us
---
-- content/articles/walk.md --
---
title: Walk every day
date: 2026-01-02
image: walk.jpg
image_alt: A path by a river
---
`

// TestBrand: the logo is the header's, with the practice's name as its
// alt and its size as shown; a page without an image is shared with the
// share image, 1200 pixels wide, at an absolute URL, and a page with one
// with its own; the icons are made of brand.icon at 180 and 32 pixels and
// take the place of the theme's.
func TestBrand(t *testing.T) {
	src := photoFiles(brandSite, map[string][]byte{
		"content/images/logo.png":   phototest.PNG(480, 120),
		"content/images/share.jpg":  phototest.JPEG(1600, 840, 1),
		"content/images/icon.png":   phototest.PNG(512, 512),
		"content/articles/walk.jpg": phototest.JPEG(800, 600, 1),
	})
	out, _, err := buildPhotos(t, src, &images.Memory{})
	if err != nil {
		t.Fatal(err)
	}
	sitetest.Contains(t, out, "about/index.html",
		`<img class="brand-logo" src="/clinic/images/logo-480w.`,
		`alt="Clearwater Spine &amp; Pain" width="176" height="44">`,
		`! class="brand-mark"`,
		`<meta property="og:image" content="https://example.com/clinic/images/share-1200w.`,
		`<meta property="og:image:width" content="1200">`,
		`<meta property="og:image:height" content="630">`,
		`<link rel="icon" href="/clinic/favicon-32x32.png" sizes="32x32" type="image/png">`,
		`! favicon.svg`,
		`<link rel="apple-touch-icon" href="/clinic/apple-touch-icon.png">`)
	sitetest.Contains(t, out, "articles/walk/index.html",
		`<meta property="og:image" content="https://example.com/clinic/articles/walk-800w.`, `! share-1200w`)
	page, _ := fs.ReadFile(out, "about/index.html")
	u := strings.TrimPrefix(between(string(page), `<meta property="og:image" content="https://example.com/clinic/`, `"`), "/")
	if data, err := fs.ReadFile(out, u); err != nil || images.Sniff(data) != images.JPEG {
		t.Errorf("the share image %s is not a JPEG: %v", u, err)
	}
	for name, size := range map[string]int{"apple-touch-icon.png": 180, "favicon-32x32.png": 32} {
		data, err := fs.ReadFile(out, name)
		if err != nil {
			t.Fatal(err)
		}
		m, err := png.Decode(bytes.NewReader(data))
		if err != nil || m.Bounds().Dx() != size || m.Bounds().Dy() != size {
			t.Errorf("%s: want a %d × %d PNG, got %v (%v)", name, size, size, m.Bounds(), err)
		}
	}
}

// TestBrandDefaults: without a brand, the header shows the name beside
// the theme's mark, and the theme's icons are published; an SVG logo is
// shown at its shape, from its viewBox.
func TestBrandDefaults(t *testing.T) {
	out := build(t, `
-- site.yaml --
title: Test
base_url: https://example.com/
-- content/about.md --
---
title: About us
---
`, Options{})
	sitetest.Contains(t, out, "about/index.html",
		`<span class="brand-name">Test</span>`, `! brand-logo`, `! og:image`,
		`<link rel="icon" href="/favicon.svg" type="image/svg+xml">`,
		`<link rel="apple-touch-icon" href="/apple-touch-icon.png">`)
	for _, name := range []string{"apple-touch-icon.png", "favicon-32x32.png", "favicon.svg"} {
		if _, err := fs.Stat(out, name); err != nil {
			t.Errorf("the theme's %s is not published", name)
		}
	}
	out = build(t, `
-- site.yaml --
title: Test
base_url: https://example.com/
brand: {logo: /logo.svg}
-- content/logo.svg --
<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 60"><title>Test</title></svg>
-- content/about.md --
---
title: About us
---
`, Options{})
	sitetest.Contains(t, out, "about/index.html",
		`<img class="brand-logo" src="/logo.svg" alt="Test" width="220" height="44">`)
}

func TestSVGSize(t *testing.T) {
	tests := []struct {
		svg  string
		w, h float64
		err  string
	}{
		{`<svg xmlns="http://www.w3.org/2000/svg" width="240" height="48"/>`, 240, 48, ""},
		{`<svg width="240px" height="48px" viewBox="0 0 10 2"/>`, 240, 48, ""},
		{`<?xml version="1.0"?><!-- a logo --><svg viewBox="0,0,300,60"/>`, 300, 60, ""},
		{`<svg width="100%" height="100%" viewBox="0 0 120 40"/>`, 120, 40, ""},
		{`<svg/>`, 0, 0, "no size"},
		{`<html><body>not a logo</body></html>`, 0, 0, "it starts with <html>"},
		{`PNG\x00\x01`, 0, 0, "no <svg> element"},
	}
	for _, tt := range tests {
		wi, hi, err := images.ReadDrawingSize([]byte(tt.svg))
		w, h := float64(wi), float64(hi)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("ReadDrawingSize(%q): error %v, want one saying %q", tt.svg, err, tt.err)
			}
			continue
		}
		if err != nil || w != tt.w || h != tt.h {
			t.Errorf("ReadDrawingSize(%q) = %v, %v, %v; want %v, %v", tt.svg, w, h, err, tt.w, tt.h)
		}
	}
}

// between returns the text of s between the first from and the next to.
func between(s, from, to string) string {
	_, after, ok := strings.Cut(s, from)
	if !ok {
		return ""
	}
	before, _, _ := strings.Cut(after, to)
	return before
}

// TestBrandIcon: an icon must be a square PNG of at least 180 × 180
// pixels, and says so at its line of site.yaml.
func TestBrandIcon(t *testing.T) {
	for _, tt := range []struct {
		name string
		data []byte
		want string
	}{
		{"icon.png", phototest.PNG(300, 200), `site.yaml:4: brand.icon "/icon.png" is 300 × 200 pixels: an icon is square`},
		{"icon.png", phototest.PNG(64, 64), `site.yaml:4: brand.icon "/icon.png" is 64 × 64 pixels, smaller than the 180 × 180 of the apple-touch icon made of it`},
		{"icon.png", phototest.JPEG(200, 200, 1), `site.yaml:4: brand.icon "/icon.png" is a JPEG picture, not a PNG`},
	} {
		src := photoFiles("-- site.yaml --\ntitle: Test\nbase_url: https://example.com/\nbrand:\n  icon: /icon.png\n", map[string][]byte{"content/" + tt.name: tt.data})
		_, _, err := buildPhotos(t, src, &images.Memory{})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("got %v, want %s", err, tt.want)
		}
	}
}
