package images

import (
	"fmt"
	"slices"
)

// File is one version of a picture, made.
type File struct {
	Version
	Data []byte
}

// Process decodes the picture data, probed as info, and makes every
// version Plan lists for it under s, widest first. The versions hold only
// pixels: whatever metadata data carried is not in them. A file cut short
// or damaged after its header is an error that says so.
func Process(data []byte, info Info, s Settings) ([]File, error) {
	m, err := decode(info.Format, data)
	if err != nil {
		return nil, fmt.Errorf("it cannot be decoded as %s (%w): the file may be cut short or damaged", info.Format.Name(), err)
	}
	rgba := upright(m, info.Orientation)
	m = nil
	if rgba.Rect.Dx() != info.Width || rgba.Rect.Dy() != info.Height {
		return nil, fmt.Errorf("its header says %d × %d pixels but its picture is %d × %d", info.Width, info.Height, rgba.Rect.Dx(), rgba.Rect.Dy())
	}
	versions := Plan(info, s)
	slices.Reverse(versions)
	out := make([]File, 0, len(versions))
	// Each width is made from the one before, the widest from the
	// original, so the cost is that of the widest.
	scaled := rgba
	rgba = nil
	for _, v := range versions {
		if scaled.Rect.Dx() != v.Width || scaled.Rect.Dy() != v.Height {
			scaled = resize(scaled, v.Width, v.Height)
		}
		b, err := encode(scaled, v.Format, info.Format)
		if err != nil {
			return nil, fmt.Errorf("encoding its %d-pixel %s version: %w", v.Width, v.Format.Name(), err)
		}
		out = append(out, File{v, b})
	}
	return out, nil
}
