package generator

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"path"
	"strings"

	"github.com/lumen-ssg/lumen/generator/config"
	"github.com/lumen-ssg/lumen/generator/diag"
	"github.com/lumen-ssg/lumen/generator/images"
	"github.com/lumen-ssg/lumen/generator/render"
)

// logoHeight is the height, in CSS pixels, at which the theme shows a
// logo in the header (2.75rem): the logo's width follows from its shape.
const logoHeight = 44

// shareWidth is the width of the og:image made of brand.share_image: the
// size the sites a page is shared on show it at.
const shareWidth = 1200

// The icons made of brand.icon, at the site's root, where browsers and
// phones look for them; the theme publishes its own at the same paths
// when a site sets none.
const (
	appleTouchIcon = "apple-touch-icon.png" // 180 × 180: iOS's home screen
	favicon32      = "favicon-32x32.png"    // browsers' tabs, besides favicon.svg
)

// iconSettings are how the icons are made of brand.icon: at 32 and 180
// pixels, by the image pipeline, as any picture is.
func iconSettings(cfg *config.Config) images.Settings {
	return images.Settings{Widths: []int{32, 180}, MaxPixels: cfg.Limits.ImageMegapixels * 1_000_000}
}

// brand is site.yaml's brand made ready by the files stage: the logo and
// share image as templates show them, and the files of the icons.
type brand struct {
	data render.Brand
	// icons make the icon files, by their name at the site's root, when
	// site.yaml sets brand.icon.
	icons map[string]func() ([]byte, error)
}

// templateData returns what templates see of b (nothing of a nil b).
func (b *brand) templateData() render.Brand {
	if b == nil {
		return render.Brand{}
	}
	return b.data
}

// newBrand checks the files that site.yaml's brand names, which the
// pictures ps probed, and reports at the line of site.yaml each that is
// missing or cannot be used.
func newBrand(cfg *config.Config, ps *pictures) (*brand, diag.List) {
	b := &brand{}
	var errs diag.List
	bad := func(key, format string, args ...any) *diag.Error {
		e := diag.Errorf(config.File, cfg.Pos.Line(key), format, args...).WithRule(diag.RuleImage)
		errs = append(errs, e)
		return e
	}
	files := cfg.Brand.Files()
	// picture returns the probed picture at the site path of key, or nil
	// after reporting why there is none.
	picture := func(key string) *picture {
		u := files[key]
		if ps.files[u] == "" {
			bad(key, "%s %q: there is no file %s", key, u, path.Join("content", u)).
				WithHint("put the file at %s, or write the path of a file in content/, from content/ and starting with /", path.Join("content", u))
			return nil
		}
		p := ps.byURL[u]
		if p == nil {
			return nil // an SVG logo
		}
		if p.err != nil {
			hint := pictureHint(p.err)
			if errors.Is(p.err, images.ErrFormat) {
				hint = config.BrandHint(key)
			}
			bad(key, "%s %q %s", key, u, p.err).WithHint("%s", hint)
			return nil
		}
		return p
	}
	if u, ok := files["brand.logo"]; ok {
		if p := picture("brand.logo"); p != nil {
			b.data.Logo = &render.Logo{Src: p.md.Src(), Srcset: p.md.Srcset(), WebPSrcset: p.md.WebPSrcset(),
				Width: scale(logoHeight, p.info.Width, p.info.Height), Height: logoHeight}
		} else if src := ps.files[u]; src != "" && strings.EqualFold(path.Ext(u), ".svg") {
			data, err := fs.ReadFile(ps.source, src)
			var w, h int
			if err == nil {
				w, h, err = images.ReadDrawingSize(data)
			}
			if err != nil {
				e := bad("brand.logo", "brand.logo %q cannot be used: %s", u, err)
				if strings.Contains(err.Error(), "no size") {
					e.WithHint("give the <svg> element a viewBox, such as viewBox=\"0 0 240 48\", or save the logo as a PNG")
				} else {
					e.WithHint("%s", config.BrandHint("brand.logo"))
				}
			} else {
				b.data.Logo = &render.Logo{Src: u, Width: scale(logoHeight, w, h), Height: logoHeight}
			}
		}
	}
	if _, ok := files["brand.share_image"]; ok {
		if p := picture("brand.share_image"); p != nil {
			if f := p.info.Format; f != images.JPEG && f != images.PNG {
				bad("brand.share_image", "brand.share_image %q is a %s picture: the sites a page is shared on read JPEG and PNG", files["brand.share_image"], f.Name()).
					WithHint("%s", "save it as a JPEG of 1200 × 630 pixels")
			} else {
				u := p.md.At(shareWidth)
				w := p.md.Width
				for _, v := range p.md.Versions {
					if v.URL == u {
						w = v.Width
					}
				}
				b.data.Share = &render.ShareImage{URL: u, Width: w, Height: scale(w, p.md.Height, p.md.Width)}
			}
		}
	}
	if u, ok := files["brand.icon"]; ok {
		if p := picture("brand.icon"); p != nil {
			switch {
			case p.info.Format != images.PNG:
				bad("brand.icon", "brand.icon %q is a %s picture, not a PNG", u, p.info.Format.Name()).
					WithHint("save it as PNG: the icons made of it are PNG, and a PNG keeps transparent corners")
			case p.info.Width != p.info.Height:
				bad("brand.icon", "brand.icon %q is %d × %d pixels: an icon is square", u, p.info.Width, p.info.Height).
					WithHint("crop it to a square of at least 180 × 180 pixels")
			case p.info.Width < 180:
				bad("brand.icon", "brand.icon %q is %d × %d pixels, smaller than the 180 × 180 of the apple-touch icon made of it", u, p.info.Width, p.info.Height).
					WithHint("use a square PNG of at least 180 × 180 pixels; 512 × 512 is best")
			default:
				b.icons = ps.icons(p, iconSettings(cfg))
				b.data.Icon = true
			}
		}
	}
	return b, errs
}

// scale returns n × num / den, rounded, at least 1.
func scale(n, num, den int) int {
	return max(1, int(math.Round(float64(n)*float64(num)/float64(den))))
}

// icons returns the functions that make the icons of picture p, a square
// PNG, with settings s: processed once, by the pipeline and its cache,
// under a key of their own.
func (ps *pictures) icons(p *picture, s images.Settings) map[string]func() ([]byte, error) {
	read := func() ([]byte, error) { return fs.ReadFile(ps.source, p.source) }
	version := func(width int) func() ([]byte, error) {
		return func() ([]byte, error) {
			data, err := read()
			if err != nil {
				return nil, err
			}
			key := images.Key(data, s)
			if err := ps.proc.Ensure(context.Background(), key, p.info, s, read); err != nil {
				return nil, fmt.Errorf("cannot be processed: %w", err)
			}
			return ps.proc.Cache().Get(key, images.Version{Width: width, Format: images.PNG}.Name())
		}
	}
	return map[string]func() ([]byte, error){appleTouchIcon: version(180), favicon32: version(32)}
}
