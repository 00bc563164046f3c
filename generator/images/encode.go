package images

import (
	"bytes"
	"image"
	"image/jpeg"
	"image/png"

	"github.com/gen2brain/webp"
)

// encoder names the WebP encoder in use, for Key: the WebAssembly build
// of libwebp, or the system's libwebp when github.com/gen2brain/webp finds
// one (it looks for it unless Lumen is built with -tags nodynamic).
func encoder() string {
	if webp.Dynamic() == nil {
		return "libwebp"
	}
	return "wasm"
}

// encode writes m in format f. Only the pixels are written: the encoders
// of the standard library and libwebp add no metadata of their own.
func encode(m image.Image, f, source Format) ([]byte, error) {
	var buf bytes.Buffer
	var err error
	switch f {
	case JPEG:
		err = jpeg.Encode(&buf, m, &jpeg.Options{Quality: JPEGQuality})
	case PNG:
		enc := png.Encoder{CompressionLevel: png.DefaultCompression}
		err = enc.Encode(&buf, m)
	default:
		q := WebPQuality
		if source == PNG || source == GIF {
			q = PNGWebPQuality
		}
		err = webp.Encode(&buf, m, webp.Options{Quality: q, Method: WebPMethod})
	}
	return buf.Bytes(), err
}
