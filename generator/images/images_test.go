package images

import (
	"bytes"
	"errors"
	"image"
	"image/jpeg"
	"slices"
	"strings"
	"testing"

	"github.com/lumen-ssg/lumen/internal/phototest"
)

func TestPlan(t *testing.T) {
	s := Settings{Widths: []int{480, 800, 1200, 1600}}
	for _, c := range []struct {
		name string
		info Info
		want []int // widths
		h    int   // height of the widest
	}{
		{"a large photograph stops at the widest width", Info{JPEG, 4000, 3000, 1}, []int{480, 800, 1200, 1600}, 1200},
		{"a smaller picture keeps its own width and is never enlarged", Info{JPEG, 1000, 500, 1}, []int{480, 800, 1000}, 500},
		{"a picture narrower than every width has one", Info{PNG, 300, 200, 1}, []int{300}, 200},
		{"a picture at a width has it once", Info{JPEG, 800, 600, 1}, []int{480, 800}, 600},
	} {
		t.Run(c.name, func(t *testing.T) {
			vs := Plan(c.info, s)
			var ws []int
			for _, v := range vs {
				if v.Format == WebP {
					ws = append(ws, v.Width)
				}
			}
			if !slices.Equal(ws, c.want) {
				t.Errorf("widths %v, want %v", ws, c.want)
			}
			if len(vs) != 2*len(c.want) {
				t.Errorf("%d versions, want WebP and %s at each width: %v", len(vs), c.info.Format.Fallback(), vs)
			}
			if last := vs[len(vs)-1]; last.Height != c.h {
				t.Errorf("widest is %d × %d, want height %d", last.Width, last.Height, c.h)
			}
		})
	}
	if vs := Plan(Info{WebP, 1000, 1000, 1}, s); len(vs) != 3 || vs[0].Format != WebP {
		t.Errorf("a WebP picture has WebP versions only: %v", vs)
	}
	if vs := Plan(Info{GIF, 100, 100, 1}, s); vs[1].Format != PNG {
		t.Errorf("a GIF falls back to PNG: %v", vs)
	}
}

func TestOrientation(t *testing.T) {
	for o := 1; o <= 8; o++ {
		data := phototest.JPEG(16, 8, o)
		if got := Orientation(JPEG, data); got != o {
			t.Errorf("orientation %d read as %d", o, got)
		}
	}
	for _, c := range []struct {
		name string
		data []byte
	}{
		{"no EXIF", phototest.JPEG(16, 8, 0)},
		{"not a JPEG", []byte("hello")},
		{"cut in its EXIF", phototest.JPEG(16, 8, 6)[:40]},
		{"empty", nil},
	} {
		if got := Orientation(JPEG, c.data); got != 1 {
			t.Errorf("%s: orientation %d, want 1", c.name, got)
		}
	}
	// A little-endian TIFF, as in a PNG's eXIf chunk.
	le := []byte("II*\x00\x08\x00\x00\x00\x01\x00\x12\x01\x03\x00\x01\x00\x00\x00\x06\x00\x00\x00\x00\x00\x00\x00")
	if got := tiffOrientation(le); got != 6 {
		t.Errorf("little-endian orientation %d, want 6", got)
	}
}

func TestProbe(t *testing.T) {
	s := Settings{MaxPixels: 50_000_000}
	info, err := Probe(phototest.JPEG(40, 30, 6), s)
	if err != nil || info != (Info{JPEG, 30, 40, 6}) {
		t.Errorf("a photo taken sideways: %+v, %v; want 30 × 40, orientation 6", info, err)
	}
	_, err = Probe(phototest.Bomb(100_000, 100_000), s)
	var big *TooLargeError
	if !errors.As(err, &big) || !strings.Contains(err.Error(), "10000 megapixels, more than the limit of 50") {
		t.Errorf("a decompression bomb: %v", err)
	}
	if _, err := Probe([]byte("<svg/>"), s); !errors.Is(err, ErrFormat) {
		t.Errorf("not a picture: %v", err)
	}
	if _, err := Probe(phototest.JPEG(40, 30, 0)[:30], s); err == nil {
		t.Error("a JPEG cut in its header was probed")
	}
}

// TestProcessStripsMetadata processes a phone's photograph, 4000 × 3000
// with GPS, taken sideways, and reads every version's bytes: none carries
// EXIF, XMP or the camera's name, and each is upright at its width.
func TestProcessStripsMetadata(t *testing.T) {
	if testing.Short() {
		t.Skip("processes a 12-megapixel photograph")
	}
	data := phototest.JPEG(4000, 3000, 6)
	if !bytes.Contains(data, []byte(phototest.GPSMarker)) {
		t.Fatal("the test photograph has no EXIF")
	}
	s := Settings{Widths: DefaultWidths, MaxPixels: 50_000_000}
	info, err := Probe(data, s)
	if err != nil {
		t.Fatal(err)
	}
	files, err := Process(data, info, s)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 8 {
		t.Errorf("%d versions, want 8: 4 widths × WebP and JPEG", len(files))
	}
	for _, f := range files {
		for _, bad := range []string{"Exif", phototest.GPSMarker, "http://ns.adobe.com/xap", "<x:xmpmeta", "ICC_PROFILE"} {
			if bytes.Contains(f.Data, []byte(bad)) {
				t.Errorf("%s contains %q", f.Name(), bad)
			}
		}
		if f.Format == JPEG {
			if tiff := jpegEXIF(f.Data); tiff != nil {
				t.Errorf("%s has an EXIF segment", f.Name())
			}
			for i := 2; i+4 < len(f.Data) && f.Data[i] == 0xFF && f.Data[i+1] != 0xDA; {
				if m := f.Data[i+1]; m >= 0xE1 && m <= 0xEF {
					t.Errorf("%s has an APP%d segment", f.Name(), m-0xE0)
				}
				i += 2 + int(f.Data[i+2])<<8 | int(f.Data[i+3])
			}
			m, err := jpeg.Decode(bytes.NewReader(f.Data))
			if err != nil {
				t.Fatal(err)
			}
			if b := m.Bounds(); b.Dx() != f.Width || b.Dy() != f.Height || b.Dy() <= b.Dx() {
				t.Errorf("%s is %v, want %d × %d, taller than wide", f.Name(), b, f.Width, f.Height)
			}
			// Upright: the photo was stored turned a quarter left, so
			// its red corner (stored top-left) shows top-right.
			if f.Width == 480 {
				r, g, _ := rgb(m, f.Width-2, 1)
				if r < 150 || g > 100 {
					t.Errorf("%s: the top-right corner is not red: the picture was not turned upright", f.Name())
				}
			}
		} else if !bytes.HasPrefix(f.Data, []byte("RIFF")) || bytes.Contains(f.Data, []byte("EXIF")) || bytes.Contains(f.Data, []byte("XMP ")) {
			t.Errorf("%s is not a WebP without metadata chunks", f.Name())
		}
	}
}

func rgb(m image.Image, x, y int) (r, g, b uint32) {
	r, g, b, _ = m.At(x, y).RGBA()
	return r >> 8, g >> 8, b >> 8
}

func TestProcessTruncated(t *testing.T) {
	data := phototest.JPEG(400, 300, 0)
	cut := data[:len(data)/2]
	s := Settings{MaxPixels: 50_000_000}
	info, err := Probe(cut, s)
	if err != nil {
		t.Fatalf("the header of a cut JPEG: %v", err)
	}
	_, err = Process(cut, info, s)
	if err == nil || !strings.Contains(err.Error(), "cut short or damaged") {
		t.Errorf("a JPEG cut in half: %v", err)
	}
}

func TestProcessorProcessesOnce(t *testing.T) {
	data := phototest.JPEG(900, 600, 1)
	s := Settings{MaxPixels: 50_000_000}
	info, _ := Probe(data, s)
	key := Key(data, s)
	reads := 0
	read := func() ([]byte, error) { reads++; return data, nil }
	cache := Dir(t.TempDir())
	for range 2 {
		p := NewProcessor(cache, 0)
		for range 3 {
			if err := p.Ensure(t.Context(), key, info, s, read); err != nil {
				t.Fatal(err)
			}
		}
	}
	if reads != 1 {
		t.Errorf("the picture was read %d times, want once: the second build reads the cache", reads)
	}
	for _, v := range Plan(info, s) {
		if _, err := cache.Get(key, v.Name()); err != nil {
			t.Error(err)
		}
	}
	if Key(data, Settings{Widths: []int{300}}) == key {
		t.Error("other settings share a key")
	}
}

func FuzzOrientation(f *testing.F) {
	f.Add(phototest.JPEG(8, 8, 6))
	f.Add(append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\x1ceXIf"), phototest.EXIF(3)...))
	f.Add(append([]byte("RIFF\x00\x00\x00\x00WEBPEXIF\x5a\x00\x00\x00"), phototest.EXIF(8)...))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, fm := range []Format{JPEG, PNG, WebP, GIF} {
			if o := Orientation(fm, data); o < 1 || o > 8 {
				t.Fatalf("orientation %d", o)
			}
		}
	})
}
