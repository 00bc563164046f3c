// Package phototest makes photographs for tests: JPEG files of any size
// carrying the EXIF block a phone writes (orientation, make, model and
// the GPS position where the photo was taken), so that tests of the
// image pipeline need no binary files in the repository.
package phototest

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
)

// Picture returns a w × h picture with something like a photograph's
// detail: gradients and a fine pattern, different in each corner, so that
// a picture turned the wrong way can be told from one turned right. The
// top-left corner is red, the top-right green, the bottom-left blue.
func Picture(w, h int) *image.RGBA {
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			fine := uint8((x*7 ^ y*13) & 31)
			r := uint8(255 * (w - x) / w * (h - y) / h)
			g := uint8(255 * x / w * (h - y) / h)
			b := uint8(255 * (w - x) / w * y / h)
			i := m.PixOffset(x, y)
			m.Pix[i], m.Pix[i+1], m.Pix[i+2], m.Pix[i+3] = r|fine>>2, g|fine>>3, b|fine>>2, 255
		}
	}
	return m
}

// EXIF returns a TIFF structure with the orientation o (1 to 8), a
// camera's make and model, and a GPS IFD with a latitude and longitude,
// big-endian as many phones write it.
func EXIF(o int) []byte {
	be := binary.BigEndian
	var b bytes.Buffer
	b.WriteString("MM\x00*")
	binary.Write(&b, be, uint32(8))
	// IFD0 at 8: four entries, then the next IFD offset (0).
	const ifd0 = 8
	const n0 = 4
	dataAt := ifd0 + 2 + 12*n0 + 4
	make_ := "Lumen Phone\x00"
	model := "Test 1\x00"
	gpsAt := dataAt + len(make_) + len(model)
	entry := func(tag, typ uint16, count, value uint32) {
		binary.Write(&b, be, tag)
		binary.Write(&b, be, typ)
		binary.Write(&b, be, count)
		binary.Write(&b, be, value)
	}
	binary.Write(&b, be, uint16(n0))
	entry(0x010F, 2, uint32(len(make_)), uint32(dataAt))
	entry(0x0110, 2, uint32(len(model)), uint32(dataAt+len(make_)))
	entry(0x0112, 3, 1, uint32(o)<<16) // a SHORT, left-justified
	entry(0x8825, 4, 1, uint32(gpsAt))
	binary.Write(&b, be, uint32(0))
	b.WriteString(make_)
	b.WriteString(model)
	// GPS IFD: latitude ref, latitude, longitude ref, longitude.
	const ng = 4
	rationals := gpsAt + 2 + 12*ng + 4
	binary.Write(&b, be, uint16(ng))
	entry(0x0001, 2, 2, uint32('N')<<24)
	entry(0x0002, 5, 3, uint32(rationals))
	entry(0x0003, 2, 2, uint32('W')<<24)
	entry(0x0004, 5, 3, uint32(rationals+24))
	binary.Write(&b, be, uint32(0))
	for _, v := range []uint32{44, 1, 3, 1, 752, 100, 123, 1, 5, 1, 1248, 100} {
		binary.Write(&b, be, v)
	}
	return b.Bytes()
}

// GPSMarker is a string every EXIF block of this package holds, with the
// camera's make: a file that contains it carries the block.
const GPSMarker = "Lumen Phone"

// JPEG returns a w × h JPEG of Picture, with the EXIF block of EXIF(o)
// (none when o is 0) and an XMP packet in APP1 segments after SOI, as a
// phone writes them. The pixels are stored as they are: a viewer that
// reads the orientation turns them.
func JPEG(w, h, o int) []byte {
	var enc bytes.Buffer
	if err := jpeg.Encode(&enc, Picture(w, h), &jpeg.Options{Quality: 85}); err != nil {
		panic(err)
	}
	data := enc.Bytes()
	var out bytes.Buffer
	out.Write(data[:2]) // SOI
	if o > 0 {
		seg := append([]byte("Exif\x00\x00"), EXIF(o)...)
		out.Write([]byte{0xFF, 0xE1})
		binary.Write(&out, binary.BigEndian, uint16(len(seg)+2))
		out.Write(seg)
		xmp := []byte("http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta><exif:GPSLatitude>44,1.5N</exif:GPSLatitude></x:xmpmeta>")
		out.Write([]byte{0xFF, 0xE1})
		binary.Write(&out, binary.BigEndian, uint16(len(xmp)+2))
		out.Write(xmp)
	}
	out.Write(data[2:])
	return out.Bytes()
}

// PNG returns a w × h PNG of Picture with half its pixels transparent on
// the right.
func PNG(w, h int) []byte {
	m := Picture(w, h)
	for y := 0; y < h; y++ {
		for x := w / 2; x < w; x++ {
			m.SetRGBA(x, y, color.RGBA{})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, m); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// Bomb returns a small PNG whose header claims w × h pixels: decoding it
// would ask for w × h × 4 bytes of memory.
func Bomb(w, h int) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, 1, 1))); err != nil {
		panic(err)
	}
	data := b.Bytes()
	// The IHDR chunk's width and height follow the signature (8), the
	// chunk's length (4) and type (4); its CRC, over the type and the
	// 13 bytes of data, is made again.
	binary.BigEndian.PutUint32(data[16:], uint32(w))
	binary.BigEndian.PutUint32(data[20:], uint32(h))
	binary.BigEndian.PutUint32(data[29:], crc32.ChecksumIEEE(data[12:29]))
	return data
}
