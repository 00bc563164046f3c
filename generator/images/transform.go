package images

import (
	"image"
	stddraw "image/draw"

	"golang.org/x/image/draw"
)

// upright returns src as an RGBA picture turned as its EXIF orientation o
// says (EXIF 2.32, table 4.6.4 "Orientation"): 2 mirrored, 3 turned half
// a turn, 4 flipped, 5 mirrored and turned a quarter left, 6 turned a
// quarter right, 7 mirrored and turned a quarter right, 8 turned a
// quarter left. Alpha is premultiplied, so that resampling does not
// darken the edges of transparent parts.
func upright(src image.Image, o int) *image.RGBA {
	b := src.Bounds()
	rgba, ok := src.(*image.RGBA)
	if !ok || b.Min != (image.Point{}) {
		rgba = image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
		stddraw.Draw(rgba, rgba.Rect, src, b.Min, stddraw.Src)
	}
	if o <= 1 || o > 8 {
		return rgba
	}
	w, h := rgba.Rect.Dx(), rgba.Rect.Dy()
	dw, dh := w, h
	if o >= 5 {
		dw, dh = h, w
	}
	dst := image.NewRGBA(image.Rect(0, 0, dw, dh))
	for y := 0; y < h; y++ {
		row := rgba.Pix[y*rgba.Stride : y*rgba.Stride+4*w]
		for x := 0; x < w; x++ {
			var dx, dy int
			switch o {
			case 2:
				dx, dy = w-1-x, y
			case 3:
				dx, dy = w-1-x, h-1-y
			case 4:
				dx, dy = x, h-1-y
			case 5:
				dx, dy = y, x
			case 6:
				dx, dy = h-1-y, x
			case 7:
				dx, dy = h-1-y, w-1-x
			case 8:
				dx, dy = y, w-1-x
			}
			copy(dst.Pix[dy*dst.Stride+4*dx:dy*dst.Stride+4*dx+4], row[4*x:4*x+4])
		}
	}
	return dst
}

// resize returns src scaled to w × h. A picture more than twice as wide
// as w is first halved (each pixel the mean of four) until it is not:
// Catmull-Rom, which then scales it, costs in proportion to the source's
// pixels, and halving first lets it work on at most twice the pixels
// wanted, with no visible difference.
func resize(src *image.RGBA, w, h int) *image.RGBA {
	for src.Rect.Dx() >= 2*w && src.Rect.Dy() >= 2*h {
		src = halve(src)
	}
	if src.Rect.Dx() == w && src.Rect.Dy() == h {
		return src
	}
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.CatmullRom.Scale(dst, dst.Rect, src, src.Rect, draw.Src, nil)
	return dst
}

// halve returns src at half its width and height, each pixel the mean of
// the four it replaces (a box filter).
func halve(src *image.RGBA) *image.RGBA {
	w, h := src.Rect.Dx()/2, src.Rect.Dy()/2
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		r0 := src.Pix[2*y*src.Stride:]
		r1 := src.Pix[(2*y+1)*src.Stride:]
		d := dst.Pix[y*dst.Stride:]
		for x := 0; x < w; x++ {
			for c := 0; c < 4; c++ {
				i := 8*x + c
				d[4*x+c] = uint8((uint(r0[i]) + uint(r0[i+4]) + uint(r1[i]) + uint(r1[i+4]) + 2) / 4)
			}
		}
	}
	return dst
}
