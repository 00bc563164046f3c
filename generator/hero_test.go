package generator

import (
	"bytes"
	"image/jpeg"
	"io/fs"
	"os"
	"strconv"
	"testing"

	"github.com/lumen-ssg/lumen/generator/images"
	"github.com/lumen-ssg/lumen/internal/phototest"
	"github.com/lumen-ssg/lumen/internal/sitetest"
)

// heroSite is a practice in two languages whose home pages lead with the
// same photograph, credited, and whose credits pages the credit links to.
const heroSite = `
-- site.yaml --
title: Riverside Spine
base_url: https://example.com/
languages: [{code: es}]
practice:
  tagline: Care for back pain
  phone: "(555) 010-0100"
  appointment_url: /book/
-- content/_index.md --
---
title: Riverside Spine
image: images/creek.jpg
image_alt: A clear stream runs over pale rocks in a forest.
image_credit: "Photo: Ana Ruiz, CC BY 4.0"
---
-- content/es/_index.md --
---
title: Riverside Spine
image: /images/creek.jpg
image_alt: Un arroyo claro corre sobre rocas en un bosque.
image_credit: "Foto: Ana Ruiz, CC BY 4.0"
---
-- content/book.md --
---
title: Book a visit
---
Call us to book.
-- content/credits.md --
---
title: Credits
---
The photo is by Ana Ruiz.
-- content/es/credits.md --
---
title: Créditos
---
La foto es de Ana Ruiz.
`

// TestHomeHero builds a home page whose front matter names a photograph
// of more than 3,000 pixels — the example site's own, from a Debian
// package of desktop photographs (content/credits.md) — and checks the
// hero: a <picture> of its WebP and JPEG versions, never wider than
// 1,600 pixels, with width and height, loaded at once and not lazily,
// the alt text of each language, and the credit linked to the language's
// credits page; the published picture carries no EXIF. A home page
// without an image has the text alone.
func TestHomeHero(t *testing.T) {
	if testing.Short() {
		t.Skip("processes a 6-megapixel photograph")
	}
	photo, err := os.ReadFile("../content/images/clearwater-creek.jpg")
	if err != nil {
		t.Fatal(err)
	}
	if raceEnabled {
		photo = phototest.JPEG(1800, 1200, 1) // the same page, in a fraction of the time
	}
	cfg, err := jpeg.DecodeConfig(bytes.NewReader(photo))
	if err != nil {
		t.Fatal(err)
	}
	if !raceEnabled && cfg.Width < 3000 {
		t.Fatalf("the example site's photograph is %d pixels wide; this test wants one of 3,000 or more", cfg.Width)
	}
	src := photoFiles(heroSite, map[string][]byte{"content/images/creek.jpg": photo})
	out, res, err := buildPhotos(t, src, images.Dir(t.TempDir()))
	if err != nil {
		t.Fatal(err)
	}
	if res.Images.Pictures != 1 || res.Images.Processed != 1 {
		t.Errorf("images: %+v, want the photograph processed once for both languages", res.Images)
	}
	s := images.Settings{Widths: images.DefaultWidths, MaxPixels: 50_000_000}
	info, err := images.Probe(photo, s)
	if err != nil {
		t.Fatal(err)
	}
	height := 0
	for _, v := range images.Plan(info, s) {
		if v.Width == 1600 {
			height = v.Height
		}
	}
	sizes := `sizes="(min-width: 64em) 34rem, (min-width: 48em) 45vw, 100vw"`
	sitetest.Contains(t, out, "index.html",
		`<section class="hero hero-with-image">`,
		`<figure class="hero-media">`,
		`<picture><source type="image/webp" srcset="/images/creek-480w.`,
		`1600w" `+sizes+`><img src="/images/creek-1200w.`,
		`width="1600" height="`+strconv.Itoa(height)+`" alt="A clear stream runs over pale rocks in a forest." fetchpriority="high" decoding="async"></picture>`,
		`<figcaption class="credit"><a href="/credits/">Photo: Ana Ruiz, CC BY 4.0</a></figcaption>`,
		`<meta property="og:image" content="https://example.com/images/creek-1200w.`,
		`! loading="lazy"`,
		`! -3088w.`,
	)
	sitetest.Contains(t, out, "es/index.html",
		`alt="Un arroyo claro corre sobre rocas en un bosque." fetchpriority="high"`,
		`<figcaption class="credit"><a href="/es/credits/">Foto: Ana Ruiz, CC BY 4.0</a></figcaption>`,
	)
	published, err := fs.ReadFile(out, "images/creek.jpg")
	if err != nil {
		t.Fatal(err)
	}
	if c, err := jpeg.DecodeConfig(bytes.NewReader(published)); err != nil || c.Width != 1600 {
		t.Errorf("images/creek.jpg: %v, %d pixels wide; want its 1,600-pixel version", err, c.Width)
	}
	if bytes.Contains(published, []byte("Exif")) {
		t.Error("images/creek.jpg carries EXIF")
	}

	// Without an image: the text on its band, no figure.
	plain := photoFiles(heroSite, nil)
	plain["content/_index.md"].Data = []byte("---\ntitle: Riverside Spine\n---\n")
	delete(plain, "content/es/_index.md")
	out, _, err = buildPhotos(t, plain, images.Dir(t.TempDir()))
	if err != nil {
		t.Fatal(err)
	}
	sitetest.Contains(t, out, "index.html",
		`<section class="hero">`,
		`<p class="tagline">Care for back pain</p>`,
		`! hero-media`,
		`! <picture>`,
	)
}
