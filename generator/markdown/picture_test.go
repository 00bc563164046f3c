package markdown

import (
	"errors"
	"strings"
	"testing"
)

func TestMeaninglessAlt(t *testing.T) {
	for _, c := range []struct {
		alt, dest string
		want      bool
	}{
		{"image", "a.jpg", true},
		{"Photo 2", "a.jpg", true},
		{"Foto", "a.jpg", true},
		{"imagen", "a.jpg", true},
		{"picture.", "a.jpg", true},
		{"IMG_2041.JPG", "IMG_2041.JPG", true},
		{"IMG_2041", "IMG_2041.JPG", true},
		{"spine-model.png", "other.png", true},
		{"Spine", "spine.png", false}, // a word that is also the file's name
		{"A photo of the clinic's front door", "door.jpg", false},
		{"Dr. Ortiz", "ortiz.jpg", false},
		{"", "a.jpg", false}, // no alt at all is a11y.alt
	} {
		if got := MeaninglessAlt(c.alt, c.dest); got != c.want {
			t.Errorf("MeaninglessAlt(%q, %q) = %v, want %v", c.alt, c.dest, got, c.want)
		}
	}
}

// fakePictures has a processed photo at /p/photo.jpg, a small one at
// /p/icon.png, a broken one at /p/bad.jpg, and a drawing of a known size
// at /p/disc.svg (/p/spine.svg says none).
type fakePictures struct{}

func (fakePictures) Picture(u string) (*Picture, error) {
	switch u {
	case "/p/photo.jpg":
		return &Picture{Width: 1600, Height: 1200, Versions: []Version{
			{Width: 480, URL: "/p/photo-480w.abc.jpg", WebP: "/p/photo-480w.abc.webp"},
			{Width: 1600, URL: "/p/photo-1600w.abc.jpg", WebP: "/p/photo-1600w.abc.webp"}}}, nil
	case "/p/icon.png":
		return &Picture{Width: 64, Height: 64, Versions: []Version{{Width: 64, URL: "/p/icon-64w.abc.png", WebP: "/p/icon-64w.abc.webp"}}}, nil
	case "/p/disc.svg":
		return &Picture{Width: 480, Height: 440}, nil
	case "/p/bad.jpg":
		return nil, errors.New("cannot be decoded as JPEG (unexpected EOF): the file may be cut short or damaged")
	}
	return nil, nil
}

type rootResolver struct{}

func (rootResolver) Resolve(source, dest string) (string, error) { return "/p/" + dest, nil }

func TestPictures(t *testing.T) {
	src := "![An icon of a phone](icon.png)\n\n![Dr. Ortiz at the clinic](photo.jpg \"Dr. Ortiz\")\n\n![A second view of the clinic](photo.jpg)\n\n![A drawing of the spine](spine.svg)\n\n![A broken one](bad.jpg)\n\n![A disc seen from above](disc.svg \"The soft center pushes out.\")\n"
	doc, errs := New().RenderWith("content/p.md", []byte(src), 0, Options{Resolver: rootResolver{}, Pictures: fakePictures{}})
	html := string(doc.HTML)
	for _, want := range []string{
		`<picture><source type="image/webp" srcset="/p/icon-64w.abc.webp 64w" sizes="(min-width: 64px) 64px, 100vw"><img src="/p/icon-64w.abc.png" srcset="/p/icon-64w.abc.png 64w" sizes="(min-width: 64px) 64px, 100vw" width="64" height="64" alt="An icon of a phone" loading="lazy" decoding="async"></picture>`,
		`<figure class="figure"><picture><source type="image/webp" srcset="/p/photo-480w.abc.webp 480w, /p/photo-1600w.abc.webp 1600w" sizes="(min-width: 800px) 800px, 100vw"><img src="/p/photo-1600w.abc.jpg" srcset="/p/photo-480w.abc.jpg 480w, /p/photo-1600w.abc.jpg 1600w" sizes="(min-width: 800px) 800px, 100vw" width="1600" height="1200" alt="Dr. Ortiz at the clinic" fetchpriority="high" decoding="async"></picture><figcaption>Dr. Ortiz</figcaption></figure>`,
		`alt="A second view of the clinic" loading="lazy" decoding="async"></picture>`,
		`<img src="/p/spine.svg" alt="A drawing of the spine" loading="lazy">`,
		// A drawing of a known size keeps its room (no layout shift) and
		// stays lazy: it does not take the place of the first large picture.
		`<figure class="figure"><img src="/p/disc.svg" alt="A disc seen from above" width="480" height="440" loading="lazy"><figcaption>The soft center pushes out.</figcaption></figure>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("the HTML lacks\n%s\nin\n%s", want, html)
		}
	}
	if strings.Count(html, "fetchpriority") != 1 {
		t.Errorf("want one picture loaded at once:\n%s", html)
	}
	if len(errs) != 1 || errs[0].Line != 9 || errs[0].Rule != "image" || !strings.Contains(errs[0].Msg, `the picture "bad.jpg" cannot be decoded`) {
		t.Errorf("want the broken picture at line 9, got %v", errs)
	}
	doc, _ = New().RenderWith("content/p.md", []byte(src), 0, Options{Resolver: rootResolver{}, Pictures: fakePictures{}, LazyAll: true})
	if strings.Contains(string(doc.HTML), "fetchpriority") {
		t.Error("LazyAll: a picture loads at once")
	}
}
