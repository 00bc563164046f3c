package images

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// DrawingSize returns the size at which the SVG drawing data is shown
// when nothing else sets it, in CSS pixels: the root <svg>'s width and
// height when both are plain numbers (or numbers in px), or else the
// width and height of its viewBox. A page gives its <img> this width and
// height, so that the browser keeps the drawing's room before it loads
// (no layout shift) and CSS (max-width: 100%; height: auto) scales it
// with its shape. ok is false when the file is not SVG or says neither.
//
// An SVG is published as it is, not processed: only its root element is
// read, up to its first start tag.
func DrawingSize(data []byte) (width, height int, ok bool) {
	width, height, err := ReadDrawingSize(data)
	return width, height, err == nil
}

// ReadDrawingSize is DrawingSize with the reason a file has no size: it
// is not SVG (no <svg> element, or another first element), or its <svg>
// element gives neither a width and height in pixels nor a viewBox.
func ReadDrawingSize(data []byte) (width, height int, err error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	for {
		tok, err := d.Token()
		if err != nil { // io.EOF too: no element at all
			return 0, 0, errors.New("it is not an SVG image: no <svg> element")
		}
		el, isStart := tok.(xml.StartElement)
		if !isStart {
			continue
		}
		if el.Name.Local != "svg" {
			return 0, 0, fmt.Errorf("it is not an SVG image: it starts with <%s>", el.Name.Local)
		}
		var w, h, vb string
		for _, a := range el.Attr {
			switch a.Name.Local {
			case "width":
				w = a.Value
			case "height":
				h = a.Value
			case "viewBox":
				vb = a.Value
			}
		}
		if fw, okw := cssPixels(w); okw {
			if fh, okh := cssPixels(h); okh {
				return fw, fh, nil
			}
		}
		f := strings.FieldsFunc(vb, func(r rune) bool { return r == ' ' || r == ',' || r == '\t' || r == '\n' || r == '\r' })
		if len(f) == 4 {
			if fw, okw := cssPixels(f[2]); okw {
				if fh, okh := cssPixels(f[3]); okh {
					return fw, fh, nil
				}
			}
		}
		return 0, 0, errors.New("its <svg> element has no size: neither width and height in pixels nor a viewBox")
	}
}

// cssPixels reads a length that is a number of pixels ("480", "480px",
// "480.5") as a whole number of at least 1; a percentage, an em or
// anything else is not one.
func cssPixels(s string) (int, bool) {
	s = strings.TrimSuffix(strings.TrimSpace(s), "px")
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || f < 1 || f > 100_000 {
		return 0, false
	}
	return int(math.Round(f)), true
}
