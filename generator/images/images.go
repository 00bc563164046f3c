// Package images turns the pictures of a site's content (JPEG, PNG, GIF
// and WebP files) into the versions its pages show: decoded, turned
// upright as their EXIF orientation says, resized to a set of widths
// (never enlarged), and encoded again as WebP and in a format every
// browser reads (JPEG for a JPEG, PNG for a PNG or a GIF; WebP for a WebP).
//
// Encoding from pixels keeps nothing of the file but its picture: no EXIF
// (a phone's photograph carries the GPS position where it was taken, the
// phone's make, the time), no XMP, no ICC profile, no comments.
//
// The work goes in three steps, so that a build pays for it only once:
//
//   - Probe reads a file's header: its format, its size as shown (after
//     its orientation) and its orientation. It refuses a file larger than
//     Settings.MaxPixels before any pixel is decoded, so that a small
//     file that claims to be 100,000 × 100,000 pixels (a decompression
//     bomb) cannot take the machine's memory.
//   - Plan lists the versions of a probed picture: its widths and formats.
//   - Process decodes the file and makes every version. A Processor runs
//     Process at most a few at a time (memory grows with the pictures
//     decoded at once, not with the site) and keeps the versions in a
//     Cache, by a Key of the file's bytes and the settings, so that the
//     next build, and lumen serve, read them instead of making them again.
//
// Everything is pure Go: the standard library's JPEG, PNG and GIF codecs,
// golang.org/x/image for WebP decoding and resampling, and
// github.com/gen2brain/webp, libwebp compiled to WebAssembly and run by
// wazero, for WebP encoding. EXIF orientation is read by this package
// (exif.go).
package images

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"slices"
)

// Format is a picture's file format.
type Format string

// The formats Lumen processes.
const (
	JPEG Format = "jpeg"
	PNG  Format = "png"
	GIF  Format = "gif"
	WebP Format = "webp"
)

// Ext returns the file extension of format f, with its dot.
func (f Format) Ext() string {
	if f == JPEG {
		return ".jpg"
	}
	return "." + string(f)
}

// MediaType returns the media type of format f, such as "image/webp".
func (f Format) MediaType() string { return "image/" + string(f) }

// Fallback returns the format a picture of format f is written in for
// browsers without WebP: its own, except that a GIF becomes a PNG (a GIF's
// 256 colours would band a resized picture, and every browser that reads
// GIF reads PNG).
func (f Format) Fallback() Format {
	if f == GIF {
		return PNG
	}
	return f
}

// IsPicture reports whether a file named name is one Lumen processes, by
// its extension: .jpg, .jpeg, .png, .gif or .webp, in any case.
func IsPicture(name string) bool {
	for i := len(name) - 1; i >= 0 && name[i] != '/'; i-- {
		if name[i] == '.' {
			switch lower(name[i:]) {
			case ".jpg", ".jpeg", ".png", ".gif", ".webp":
				return true
			}
			return false
		}
	}
	return false
}

func lower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// Settings are how pictures are processed.
type Settings struct {
	// Widths are the widths, in pixels, to make each picture at, besides
	// its own width when that is narrower than the widest.
	Widths []int
	// MaxPixels is the most pixels (width × height) a picture may have.
	MaxPixels int
}

// The default settings.
const (
	DefaultMaxMegapixels = 50
	// JPEGQuality and WebPQuality are the quality of the lossy encoders,
	// 0 to 100; a WebP at 75 looks like a JPEG at 80 and weighs about a
	// third less. PNGs and GIFs, often drawings with text, are made into
	// WebP at PNGWebPQuality.
	JPEGQuality    = 80
	WebPQuality    = 75
	PNGWebPQuality = 90
	// WebPMethod is libwebp's effort, 0 (fastest) to 6: 2 makes files
	// about 3% larger than the default 4 in less than half the time.
	WebPMethod = 2
	// version changes when this package makes different files from the
	// same settings, so that cached versions are made again.
	version = "1"
)

// DefaultWidths are the widths pictures are made at unless site.yaml says
// otherwise: a phone (480), a phone at twice its density or a reading
// column (800), a desktop (1200) and a large or dense screen (1600).
var DefaultWidths = []int{480, 800, 1200, 1600}

// Info is what Probe reads from a picture's header.
type Info struct {
	Format Format
	// Width and Height are the picture's size as shown: after its
	// orientation, which swaps them for a picture taken sideways.
	Width, Height int
	// Orientation is the EXIF orientation, 1 (upright) to 8.
	Orientation int
}

// Version is one file made of a picture.
type Version struct {
	Width, Height int
	Format        Format
}

// Name returns the name of version v in its picture's cache entry, such as
// "800.webp".
func (v Version) Name() string { return fmt.Sprintf("%d%s", v.Width, v.Format.Ext()) }

// Plan returns the versions of the picture info describes under settings
// s: each width of s narrower than the picture, and the picture's own
// width capped at the widest of s, in WebP and in the fallback format
// (Format.Fallback), narrowest first, WebP before the fallback at each
// width. A WebP picture has WebP versions only.
func Plan(info Info, s Settings) []Version {
	widths := slices.Clone(s.Widths)
	if len(widths) == 0 {
		widths = slices.Clone(DefaultWidths)
	}
	slices.Sort(widths)
	widest := min(info.Width, widths[len(widths)-1])
	var ws []int
	for _, w := range widths {
		if w < widest && w > 0 {
			ws = append(ws, w)
		}
	}
	ws = append(ws, widest)
	var out []Version
	for _, w := range ws {
		h := max(1, (info.Height*w+info.Width/2)/info.Width)
		out = append(out, Version{w, h, WebP})
		if f := info.Format.Fallback(); f != WebP {
			out = append(out, Version{w, h, f})
		}
	}
	return out
}

// Key returns the cache key of a picture whose file is data, processed
// with settings s: a SHA-256 of the bytes, the settings and the encoders,
// in hexadecimal. Its first characters make the versions' file names
// change when any of them does.
func Key(data []byte, s Settings) string {
	h := sha256.New()
	h.Write(data)
	widths := slices.Clone(s.Widths)
	if len(widths) == 0 {
		widths = DefaultWidths
	}
	fmt.Fprintf(h, "\x00lumen-images %s %v %d %d %d %d %s", version, widths, JPEGQuality, WebPQuality, PNGWebPQuality, WebPMethod, encoder())
	var n [8]byte
	binary.LittleEndian.PutUint64(n[:], uint64(len(data)))
	h.Write(n[:])
	return hex.EncodeToString(h.Sum(nil))
}
