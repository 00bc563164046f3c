package generator

import (
	"bytes"
	"context"
	"fmt"
	"image/jpeg"
	"io/fs"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/lumen-ssg/lumen/generator/images"
	"github.com/lumen-ssg/lumen/generator/output"
	"github.com/lumen-ssg/lumen/internal/phototest"
	"github.com/lumen-ssg/lumen/internal/sitetest"
	"github.com/lumen-ssg/lumen/themes"
)

// photoSite is a practice in two languages whose article, in a page
// bundle, shows a phone's photograph with GPS in its EXIF and a drawing,
// and leads with a PNG; its Spanish translation shows the English
// bundle's photograph.
const photoSite = `
-- site.yaml --
title: Photos
base_url: https://example.com/
languages: [{code: es}]
-- content/_index.md --
---
title: Welcome
---
-- content/articles/clinic/index.md --
---
title: Our new clinic
image: front.png
image_alt: The front door of the clinic, with a ramp
---
The waiting room has a window on the park.

![Chairs by a window in the waiting room](room.jpg "The waiting room")

![A drawing of the lower spine](/spine.svg)
-- content/spine.svg --
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>Spine</title></svg>
-- content/es/articles/clinica.md --
---
title: Nuestra nueva clínica
translation_of: articles/clinic/index.md
---
La sala de espera tiene una ventana al parque.

![Sillas junto a una ventana en la sala de espera](/articles/clinic/room.jpg)
`

// photoFiles returns the site of archive with its pictures: files maps
// a path to the picture's bytes.
func photoFiles(archive string, files map[string][]byte) fstest.MapFS {
	src, _ := sitetest.Parse(archive)
	for name, data := range files {
		src[name] = &fstest.MapFile{Data: data, Mode: 0o644}
	}
	return src
}

// buildPhotos builds src with the image cache cache, into memory.
func buildPhotos(t testing.TB, src fs.FS, cache images.Cache) (fs.FS, *Result, error) {
	t.Helper()
	mem := output.NewMem()
	res, err := Build(context.Background(), Options{Source: src, Theme: themes.Default(), Out: mem, ImageCache: cache})
	return mem.FS(), res, err
}

// TestPhotographWithGPS builds a page with a 4000 × 3000 JPEG carrying
// EXIF GPS: the page shows a <picture> with WebP and JPEG versions at
// several widths, the width and height of the widest, and no file the
// build writes carries EXIF, GPS or XMP. A second build processes
// nothing and writes the same bytes.
func TestPhotographWithGPS(t *testing.T) {
	if testing.Short() {
		t.Skip("processes a 12-megapixel photograph")
	}
	if raceEnabled {
		// Some ten times slower under the race detector (35 s of CI's
		// time); TestHomeHero and TestBrand run the image pipeline there.
		t.Skip("processes a 12-megapixel photograph")
	}
	room := phototest.JPEG(4000, 3000, 1)
	src := photoFiles(photoSite, map[string][]byte{
		"content/articles/clinic/room.jpg":  room,
		"content/articles/clinic/front.png": phototest.PNG(1300, 700),
	})
	cache := images.Dir(t.TempDir())
	out, res, err := buildPhotos(t, src, cache)
	if err != nil {
		t.Fatal(err)
	}
	if res.Images.Pictures != 2 || res.Images.Processed != 2 {
		t.Errorf("images: %+v, want 2 pictures processed", res.Images)
	}
	key := images.Key(room, settingsOf(res.Site.Config))[:8]
	v := func(w int, ext string) string { return fmt.Sprintf("/articles/clinic/room-%dw.%s.%s", w, key, ext) }
	sitetest.Contains(t, out, "articles/clinic/index.html",
		`<figure class="figure"><picture><source type="image/webp" srcset="`+v(480, "webp")+` 480w, `+v(800, "webp")+` 800w, `+v(1200, "webp")+` 1200w, `+v(1600, "webp")+` 1600w" sizes="(min-width: 800px) 800px, 100vw">`,
		`<img src="`+v(1600, "jpg")+`" srcset="`+v(480, "jpg")+` 480w, `+v(800, "jpg")+` 800w, `+v(1200, "jpg")+` 1200w, `+v(1600, "jpg")+` 1600w" sizes="(min-width: 800px) 800px, 100vw" width="1600" height="1200" alt="Chairs by a window in the waiting room" loading="lazy" decoding="async"></picture><figcaption>The waiting room</figcaption></figure>`,
		// The lead image comes first and loads at once.
		`<figure class="lead-image"><picture><source type="image/webp" srcset="/articles/clinic/front-480w.`,
		`width="1300" height="700" alt="The front door of the clinic, with a ramp" fetchpriority="high" decoding="async"></picture></figure>`,
		`<meta property="og:image" content="https://example.com/articles/clinic/front-1200w.`,
		// A drawing (an SVG) keeps its room: its viewBox gives its size.
		`<img src="/spine.svg" alt="A drawing of the lower spine" width="10" height="10" loading="lazy">`,
		"! fetchpriority=\"high\" decoding=\"async\"></picture><figcaption>",
	)
	// The Spanish page shows the English bundle's versions.
	sitetest.Contains(t, out, "es/articles/clinica/index.html",
		`srcset="`+v(480, "jpg")+` 480w`, `width="1600" height="1200" alt="Sillas junto a una ventana en la sala de espera" fetchpriority="high"`)

	written := map[string][]byte{}
	_ = fs.WalkDir(out, ".", func(name string, d fs.DirEntry, err error) error {
		// The theme's icons, at the root, are not the content's pictures.
		if err == nil && !d.IsDir() && images.IsPicture(name) && strings.Contains(name, "/") {
			data, _ := fs.ReadFile(out, name)
			written[name] = data
		}
		return nil
	})
	if len(written) != 2+8+8 {
		t.Errorf("%d pictures written, want 18: each at its path and 8 versions", len(written))
	}
	for name, data := range written {
		for _, bad := range []string{"Exif", "EXIF", phototest.GPSMarker, "xmpmeta", "ns.adobe.com"} {
			if bytes.Contains(data, []byte(bad)) {
				t.Errorf("%s contains %q", name, bad)
			}
		}
	}
	// At its own path, the photograph is its widest JPEG, without EXIF.
	m, err := jpeg.Decode(bytes.NewReader(written["articles/clinic/room.jpg"]))
	if err != nil || m.Bounds().Dx() != 1600 {
		t.Errorf("articles/clinic/room.jpg: %v, %v; want a 1600-pixel JPEG", err, m)
	}
	// _headers lets browsers keep the versions, whose names change with
	// their bytes, for a year.
	sitetest.Contains(t, out, "_headers", strings.TrimPrefix(v(800, "webp"), ""))

	again, res2, err := buildPhotos(t, src, cache)
	if err != nil {
		t.Fatal(err)
	}
	if res2.Images.Processed != 0 {
		t.Errorf("the second build processed %d pictures, want none", res2.Images.Processed)
	}
	for name, data := range written {
		if b, _ := fs.ReadFile(again, name); !bytes.Equal(b, data) {
			t.Errorf("%s differs in the second build", name)
		}
	}

	// lumen serve's Snapshot serves the same versions from the cache.
	snap, _, err := NewBuilder(Options{Source: src, Theme: themes.Default(), ImageCache: cache}).Prepare(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{strings.TrimPrefix(v(800, "webp"), "/"), "articles/clinic/room.jpg"} {
		if b, err := snap.ReadFile(name); err != nil || !bytes.Equal(b, written[name]) {
			t.Errorf("serve's %s: %v, not the build's", name, err)
		}
	}
}

// TestBrokenPictures builds pages showing a JPEG cut in half and a
// decompression bomb (a small PNG whose header claims 100,000 × 100,000
// pixels): each is an error at the line that shows it, saying what to do.
func TestBrokenPictures(t *testing.T) {
	archive := `
-- site.yaml --
title: T
base_url: https://example.com/
-- content/articles/a/index.md --
---
title: A
---
Text.

![The front desk](cut.jpg)

![The car park](bomb.png)
-- content/providers/dr-a.md --
---
title: Dr. A
photo: /articles/a/bomb.png
photo_alt: Dr. A smiling
---
`
	whole := phototest.JPEG(800, 600, 0)
	src := photoFiles(archive, map[string][]byte{
		"content/articles/a/cut.jpg":  whole[:len(whole)/2],
		"content/articles/a/bomb.png": phototest.Bomb(100_000, 100_000),
	})
	start := time.Now()
	_, _, err := buildPhotos(t, src, &images.Memory{})
	if err == nil {
		t.Fatal("the build succeeded")
	}
	if took := time.Since(start); took > 10*time.Second {
		t.Errorf("the build took %s: was the bomb decoded?", took)
	}
	got := err.Error()
	for _, want := range []string{
		`content/articles/a/index.md:6: the picture "cut.jpg" cannot be processed: it cannot be decoded as JPEG (`,
		`): the file may be cut short or damaged [image]`,
		`content/articles/a/index.md:8: the picture "bomb.png" cannot be used: it is 100000 × 100000 pixels: 10000 megapixels, more than the limit of 50 [image]`,
		`hint: make it smaller (4000 pixels wide is plenty for a screen) and save it again, or raise limits.image_megapixels in site.yaml`,
		`hint: open it in an image editor and save it again as JPEG, PNG or WebP, or replace it`,
		`content/providers/dr-a.md:3: the picture "bomb.png" cannot be used`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the errors lack\n%s\nin\n%s", want, got)
		}
	}
}

// TestPictureWarnings warns of a page whose pictures weigh more than
// images.page_budget_kb and of alt text that is only a word like "photo".
func TestPictureWarnings(t *testing.T) {
	archive := `
-- site.yaml --
title: T
base_url: https://example.com/
images: {page_budget_kb: 1, widths: [200, 400]}
-- content/articles/team/index.md --
---
title: About
---
Text.

![Photo](team.jpg)
`
	src := photoFiles(archive, map[string][]byte{"content/articles/team/team.jpg": phototest.JPEG(600, 400, 0)})
	_, res, err := buildPhotos(t, src, &images.Memory{})
	if err != nil {
		t.Fatal(err)
	}
	got := diagText(res.Findings.Warnings())
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`content/articles/team/index.md:6: warning: the pictures of this page weigh [0-9]+ KB, more than images.page_budget_kb \(1 KB\); the heaviest, "team.jpg", weighs [0-9]+ KB \[image.budget\]`),
		regexp.MustCompile(`content/articles/team/index.md:6: warning: the alt text "Photo" says nothing of the picture "team.jpg" \[a11y.alt-text\]`),
	} {
		if !want.MatchString(got) {
			t.Errorf("no warning matching %s in\n%s", want, got)
		}
	}
}

// BenchmarkPhotographs builds a site of LUMEN_PHOTOS (default 4)
// different 4000 × 3000 photographs with an empty cache, then again, and
// reports both builds' times and the second's share of the first:
//
//	LUMEN_PHOTOS=100 go test ./generator -run '^$' -bench Photographs -benchtime 1x
func BenchmarkPhotographs(b *testing.B) {
	n, _ := strconv.Atoi(os.Getenv("LUMEN_PHOTOS"))
	if n <= 0 {
		n = 4
	}
	base := phototest.JPEG(4000, 3000, 1)
	var page strings.Builder
	page.WriteString("---\ntitle: Gallery\n---\nOur clinics.\n")
	files := map[string][]byte{}
	for i := range n {
		// Each photograph differs in a comment (COM) segment, so each has
		// its own key and is processed on its own, as different photos are.
		com := []byte(fmt.Sprintf("photo %d", i))
		data := append(append([]byte{0xFF, 0xD8, 0xFF, 0xFE, 0, byte(len(com) + 2)}, com...), base[2:]...)
		files[fmt.Sprintf("content/articles/gallery/photo%03d.jpg", i)] = data
		fmt.Fprintf(&page, "\n![The clinic's garden, view %d](photo%03d.jpg)\n", i+1, i)
	}
	archive := "-- site.yaml --\ntitle: T\nbase_url: https://example.com/\nimages: {page_budget_kb: 100000}\n-- content/articles/gallery/index.md --\n" + page.String()
	src := photoFiles(archive, files)
	for b.Loop() {
		cache := images.Dir(b.TempDir())
		start := time.Now()
		_, first, err := buildPhotos(b, src, cache)
		if err != nil {
			b.Fatal(err)
		}
		cold := time.Since(start)
		start = time.Now()
		_, second, err := buildPhotos(b, src, cache)
		if err != nil {
			b.Fatal(err)
		}
		warm := time.Since(start)
		if second.Images.Processed != 0 {
			b.Fatalf("the second build processed %d pictures", second.Images.Processed)
		}
		b.ReportMetric(cold.Seconds(), "first-build-s")
		b.ReportMetric(warm.Seconds(), "second-build-s")
		b.ReportMetric(first.Images.Busy.Seconds()/float64(n), "s/photo")
		b.ReportMetric(warm.Seconds()/cold.Seconds(), "second/first")
	}
}
