package images

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"

	"golang.org/x/image/webp"
)

// ErrFormat is returned, wrapped, by Probe for a file that is not a JPEG,
// PNG, GIF or WebP picture.
var ErrFormat = errors.New("not a JPEG, PNG, GIF or WebP picture")

// TooLargeError is returned by Probe for a picture with more pixels than
// the settings allow.
type TooLargeError struct {
	Width, Height int
	// Max is the most pixels allowed.
	Max int
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("it is %d × %d pixels: %s megapixels, more than the limit of %s",
		e.Width, e.Height, megapixels(int64(e.Width)*int64(e.Height)), megapixels(int64(e.Max)))
}

// megapixels writes n pixels in megapixels, with one decimal when needed.
func megapixels(n int64) string {
	if n%1_000_000 == 0 || n >= 100_000_000 {
		return fmt.Sprintf("%d", n/1_000_000)
	}
	return fmt.Sprintf("%.1f", float64(n)/1e6)
}

// Sniff returns the format of data by its first bytes, or "".
func Sniff(data []byte) Format {
	switch {
	case bytes.HasPrefix(data, []byte("\xFF\xD8\xFF")):
		return JPEG
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return PNG
	case bytes.HasPrefix(data, []byte("GIF87a")), bytes.HasPrefix(data, []byte("GIF89a")):
		return GIF
	case len(data) >= 12 && string(data[:4]) == "RIFF" && string(data[8:12]) == "WEBP":
		return WebP
	}
	return ""
}

// Probe reads the header of the picture data: its format (by its first
// bytes, whatever its file's name says), its size as shown and its EXIF
// orientation. It decodes no pixels, and returns a *TooLargeError for a
// picture of more than s.MaxPixels pixels (none when MaxPixels is 0).
func Probe(data []byte, s Settings) (Info, error) {
	f := Sniff(data)
	if f == "" {
		return Info{}, ErrFormat
	}
	cfg, err := decodeConfig(f, data)
	if err != nil {
		return Info{}, fmt.Errorf("its header cannot be read as %s: %w", f.Name(), err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return Info{}, fmt.Errorf("its header says it is %d × %d pixels", cfg.Width, cfg.Height)
	}
	if s.MaxPixels > 0 && int64(cfg.Width)*int64(cfg.Height) > int64(s.MaxPixels) {
		return Info{}, &TooLargeError{Width: cfg.Width, Height: cfg.Height, Max: s.MaxPixels}
	}
	info := Info{Format: f, Width: cfg.Width, Height: cfg.Height, Orientation: Orientation(f, data)}
	if info.Orientation >= 5 {
		info.Width, info.Height = info.Height, info.Width
	}
	return info, nil
}

// Name returns the format's name as people write it: "JPEG", "WebP".
func (f Format) Name() string {
	switch f {
	case JPEG:
		return "JPEG"
	case PNG:
		return "PNG"
	case GIF:
		return "GIF"
	case WebP:
		return "WebP"
	}
	return string(f)
}

func decodeConfig(f Format, data []byte) (image.Config, error) {
	r := bytes.NewReader(data)
	switch f {
	case JPEG:
		return jpeg.DecodeConfig(r)
	case PNG:
		return png.DecodeConfig(r)
	case GIF:
		return gif.DecodeConfig(r)
	default:
		return webp.DecodeConfig(r)
	}
}

// decode decodes the picture data of format f.
func decode(f Format, data []byte) (image.Image, error) {
	r := bytes.NewReader(data)
	switch f {
	case JPEG:
		return jpeg.Decode(r)
	case PNG:
		return png.Decode(r)
	case GIF:
		return gif.Decode(r)
	default:
		return webp.Decode(r)
	}
}
