package markdown

import (
	"fmt"
	"path"
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"

	"github.com/lumen-ssg/lumen/generator/diag"
)

// Pictures gives the renderer the processed versions of the site's
// pictures, by their site URL.
type Pictures interface {
	// Picture returns the versions of the picture at the site path url,
	// nil when url is not a picture that is processed (a PDF), a Picture
	// with a Width and Height but no Versions for a drawing published as
	// it is (an SVG whose root element gives its size), or an error,
	// worded for the writer, when the picture cannot be read or is too
	// large.
	Picture(url string) (*Picture, error)
}

// Picture is a picture in the versions a page may show, each at its
// width: the browser picks the one that fits the screen (srcset and
// sizes), and reads the width and height before it loads any, so that
// nothing moves when it arrives (no layout shift).
type Picture struct {
	// Width and Height are the size of the widest version, in pixels,
	// or, for a drawing, the size it is shown at.
	Width, Height int
	// Versions are the files, narrowest first; none for a drawing (an
	// SVG), which is shown as it is, at its own address.
	Versions []Version
}

// Version is one file of a Picture.
type Version struct {
	Width int
	// URL is the site path of the version in the fallback format (JPEG,
	// PNG or WebP) that every browser reads.
	URL string
	// WebP is the site path of its WebP, or "" when URL is one.
	WebP string
	// Bytes is the WebP's size (URL's when there is none), or 0 when not
	// known.
	Bytes int64
}

// Src returns the URL of the widest version in the fallback format, for
// an img element's src.
func (p *Picture) Src() string { return p.Versions[len(p.Versions)-1].URL }

// Srcset returns the srcset of the fallback versions: "/a-480w.jpg 480w, …".
func (p *Picture) Srcset() string { return p.srcset(false) }

// WebPSrcset returns the srcset of the WebP versions, or "" when the
// fallback versions are WebP.
func (p *Picture) WebPSrcset() string { return p.srcset(true) }

func (p *Picture) srcset(webp bool) string {
	var b strings.Builder
	for _, v := range p.Versions {
		u := v.URL
		if webp {
			if u = v.WebP; u == "" {
				return ""
			}
		}
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		b.WriteString(u + " " + strconv.Itoa(v.Width) + "w")
	}
	return b.String()
}

// At returns the fallback URL of the narrowest version at least width
// pixels wide, or of the widest: for og:image, 1200.
func (p *Picture) At(width int) string {
	for _, v := range p.Versions {
		if v.Width >= width {
			return v.URL
		}
	}
	return p.Src()
}

// Sizes returns the sizes attribute of a picture shown in the reading
// column: the full width of a phone's screen, and at most the column's
// width (ColumnWidth) or the picture's own on a wider one.
func (p *Picture) Sizes() string {
	w := min(p.Width, ColumnWidth)
	return fmt.Sprintf("(min-width: %dpx) %dpx, 100vw", w, w)
}

// ColumnWidth is the widest a picture in a page's text is shown, in CSS
// pixels: the default theme's reading column.
const ColumnWidth = 800

// LargeWidth is the width from which a picture counts as large: the first
// large picture of a page is loaded at once, with fetchpriority="high",
// since it is likely in the first screen; every other is loaded lazily.
const LargeWidth = 400

// Attribute names under which the transformer leaves a picture for the
// image renderer; they are never written to the page.
var (
	pictureAttr = []byte("lumen-picture")
	eagerAttr   = []byte("lumen-eager")
	sizeAttr    = []byte("lumen-size")
)

// pictures looks up the processed versions of the body's internal images
// and leaves them on their nodes: the first large one of the body is
// marked to load at once (unless o.LazyAll). A drawing (an SVG) gets its
// size only. A picture that cannot be read is an error at its line.
func (st *renderState) pictures(links []ast.Node) {
	if st.pics == nil {
		return
	}
	eager := !st.lazyAll
	for _, n := range links {
		img, ok := n.(*ast.Image)
		if !ok {
			continue
		}
		dest := decodeDest(img.Destination)
		if classify(dest) != destInternal || !strings.HasPrefix(dest, "/") {
			continue // unresolved, external or a data: picture
		}
		u := dest
		if i := strings.IndexAny(u, "?#"); i >= 0 {
			u = u[:i]
		}
		pic, err := st.pics.Picture(u)
		if err != nil {
			st.errorf(st.lines.line(nodePos(n)), diag.RuleImage, "the picture %q %s", path.Base(u), err.Error()).
				WithHint("%s", PictureHint(err.Error()))
			continue
		}
		if pic == nil {
			continue
		}
		if len(pic.Versions) == 0 {
			// A drawing: its <img> gets its width and height, and stays
			// lazy, as the first screen rarely needs it.
			if pic.Width > 0 && pic.Height > 0 {
				img.SetAttribute(sizeAttr, pic)
			}
			continue
		}
		img.SetAttribute(pictureAttr, pic)
		if eager && pic.Width >= LargeWidth {
			img.SetAttribute(eagerAttr, true)
			eager = false
		}
	}
}

// PictureHint says what to do about a picture that cannot be processed,
// by what is wrong with it.
func PictureHint(problem string) string {
	if strings.Contains(problem, "megapixels") {
		return "make it smaller (4000 pixels wide is plenty for a screen) and save it again, or raise limits.image_megapixels in site.yaml"
	}
	return "open it in an image editor and save it again as JPEG, PNG or WebP, or replace it"
}

// writePicture writes img as a <picture>: the WebP versions in a <source>,
// the fallback versions in the <img>, with the widest's width and height,
// and loading="lazy" or, for the page's first large picture,
// fetchpriority="high".
func writePicture(w util.BufWriter, pic *Picture, alt, title []byte, eager bool) {
	sizes := pic.Sizes()
	_, _ = w.WriteString("<picture>")
	if set := pic.WebPSrcset(); set != "" {
		_, _ = w.WriteString(`<source type="image/webp" srcset="`)
		writeSrcset(w, set)
		_, _ = w.WriteString(`" sizes="` + sizes + `">`)
	}
	_, _ = w.WriteString(`<img src="`)
	writeURL(w, []byte(pic.Src()))
	_, _ = w.WriteString(`" srcset="`)
	writeSrcset(w, pic.Srcset())
	_, _ = w.WriteString(`" sizes="` + sizes + `" width="` + strconv.Itoa(pic.Width) + `" height="` + strconv.Itoa(pic.Height) + `" alt="`)
	_, _ = w.Write(util.EscapeHTML(alt))
	_ = w.WriteByte('"')
	if title != nil {
		_, _ = w.WriteString(` title="`)
		_, _ = w.Write(util.EscapeHTML(title))
		_ = w.WriteByte('"')
	}
	if eager {
		_, _ = w.WriteString(` fetchpriority="high" decoding="async">`)
	} else {
		_, _ = w.WriteString(` loading="lazy" decoding="async">`)
	}
	_, _ = w.WriteString("</picture>")
}

// writeSrcset writes a srcset, each URL percent-encoded and escaped as
// writeURL does.
func writeSrcset(w util.BufWriter, set string) {
	for i, c := range strings.Split(set, ", ") {
		if i > 0 {
			_, _ = w.WriteString(", ")
		}
		u, width, _ := strings.Cut(c, " ")
		writeURL(w, []byte(u))
		_, _ = w.WriteString(" " + width)
	}
}

// placeholderAlt are words that, alone, say nothing of a picture: a
// screen reader already says "image".
var placeholderAlt = map[string]bool{
	"image": true, "img": true, "photo": true, "photograph": true, "picture": true, "pic": true,
	"graphic": true, "figure": true, "screenshot": true, "diagram": true, "illustration": true,
	"imagen": true, "foto": true, "fotografía": true, "fotografia": true, "gráfico": true, "ilustración": true,
	"untitled": true,
}

// MeaninglessAlt reports whether alt, the alt text of the picture at
// dest, says nothing of it: a file name (the picture's own, or any word
// ending in .jpg, .png, …; its own without the extension when that has a
// digit, "_" or "-", as IMG_2041) or a word such as "image", "photo" or
// "imagen", alone or with a number ("Photo 1"). It is the rule
// a11y.alt-text (WCAG 1.1.1: alt text serves the same purpose as the
// picture).
func MeaninglessAlt(alt, dest string) bool {
	a := strings.ToLower(strings.TrimSpace(alt))
	if a == "" {
		return false // no alt text at all is rule a11y.alt
	}
	base := strings.ToLower(path.Base(dest))
	// The file's name, or its name without the extension when that looks
	// like a camera's or a file's (IMG_2041, dsc-0042), not like words.
	stem := strings.TrimSuffix(base, path.Ext(base))
	if a == base || a == stem && strings.ContainsAny(stem, "_-0123456789") {
		return true
	}
	switch strings.ToLower(path.Ext(a)) {
	case ".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".avif", ".heic":
		if !strings.Contains(a, " ") {
			return true
		}
	}
	a = strings.TrimRightFunc(a, func(r rune) bool { return unicode.IsDigit(r) || unicode.IsSpace(r) || unicode.IsPunct(r) })
	return placeholderAlt[a]
}
