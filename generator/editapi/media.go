package editapi

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"io/fs"
	"net/http"
	"path"
	"strings"

	"github.com/lumen-ssg/lumen/generator/cmsconfig"
	"github.com/lumen-ssg/lumen/generator/content"
)

// asset is a file as Decap sends it: its path and its bytes in base64.
type asset struct {
	Path     string `json:"path"`
	Content  string `json:"content"`
	Encoding string `json:"encoding"`
}

// mediaFile is a file as Decap receives it.
type mediaFile struct {
	ID       string `json:"id"`
	Content  string `json:"content"`
	Encoding string `json:"encoding"`
	Path     string `json:"path"`
	Name     string `json:"name"`
}

// imageTypes are the kinds of image the editor takes, by extension, each
// with a test of its first bytes: a file must be what its name says.
var imageTypes = map[string]func([]byte) bool{
	".jpg":  isJPEG,
	".jpeg": isJPEG,
	".png":  func(b []byte) bool { return bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")) },
	".gif": func(b []byte) bool {
		return bytes.HasPrefix(b, []byte("GIF87a")) || bytes.HasPrefix(b, []byte("GIF89a"))
	},
	".webp": func(b []byte) bool { return len(b) >= 12 && string(b[:4]) == "RIFF" && string(b[8:12]) == "WEBP" },
	".avif": func(b []byte) bool {
		return len(b) >= 12 && string(b[4:8]) == "ftyp" && (string(b[8:12]) == "avif" || string(b[8:12]) == "avis")
	},
}

func isJPEG(b []byte) bool { return bytes.HasPrefix(b, []byte{0xFF, 0xD8, 0xFF}) }

// mediaRel is MediaFolder relative to content/.
var mediaRel = strings.TrimPrefix(cmsconfig.MediaFolder, content.Dir+"/")

// imagePath checks where an image may be written, and returns it relative
// to content/ with its name made safe: in content/images/, or in the
// folder of a page bundle (a folder with an index.md). The name is made
// a slug with its extension in lower case ("Dr Ortiz.JPG" is
// dr-ortiz.jpg), so that its address needs no escaping.
func (a *API) imagePath(p string) (string, error) {
	rel, err := contentPath(p)
	if err != nil {
		return "", err
	}
	dir, name := path.Dir(rel), path.Base(rel)
	ext := strings.ToLower(path.Ext(name))
	if imageTypes[ext] == nil {
		return "", refuse(http.StatusUnsupportedMediaType, "%s: the editor takes only images: .jpg, .png, .gif, .webp or .avif", clip(p))
	}
	if ext == ".jpeg" {
		ext = ".jpg"
	}
	slug := content.Slugify(strings.TrimSuffix(name, path.Ext(name)))
	if slug == "" {
		slug = "image"
	}
	if dir != mediaRel {
		info, err := fs.Stat(a.content, path.Join(dir, "index.md"))
		if err != nil || !info.Mode().IsRegular() {
			return "", refuse(http.StatusForbidden, "%s: refused: images go in %s/ or in the folder of a page bundle", clip(p), cmsconfig.MediaFolder)
		}
	}
	return path.Join(dir, slug+ext), nil
}

// checkImage decodes an upload and checks its size and type; it returns
// its path relative to content/ and its bytes.
func (a *API) checkImage(as asset) (string, []byte, error) {
	rel, err := a.imagePath(as.Path)
	if err != nil {
		return "", nil, err
	}
	if as.Encoding != "base64" {
		return "", nil, refuse(http.StatusBadRequest, "%s: the file must be sent in base64", clip(as.Path))
	}
	if base64.StdEncoding.DecodedLen(len(as.Content)) > MaxImageBytes+3 {
		return "", nil, refuse(http.StatusRequestEntityTooLarge, "%s: the image is larger than %d MB; make it smaller (2000 pixels wide is plenty) and try again", clip(as.Path), MaxImageBytes>>20)
	}
	data, err := base64.StdEncoding.DecodeString(as.Content)
	if err != nil {
		return "", nil, refuse(http.StatusBadRequest, "%s: the file is not valid base64", clip(as.Path))
	}
	if len(data) > MaxImageBytes {
		return "", nil, refuse(http.StatusRequestEntityTooLarge, "%s: the image is larger than %d MB", clip(as.Path), MaxImageBytes>>20)
	}
	if !imageTypes[path.Ext(rel)](data) {
		return "", nil, refuse(http.StatusUnsupportedMediaType, "%s: the file is not the image its name says (%s)", clip(as.Path), path.Ext(rel))
	}
	return rel, data, nil
}

// checkAssets checks the images saved with a page.
func (a *API) checkAssets(assets []asset) (map[string][]byte, error) {
	out := map[string][]byte{}
	for _, as := range assets {
		rel, data, err := a.checkImage(as)
		if err != nil {
			return nil, err
		}
		out[rel] = data
	}
	return out, nil
}

// persistMedia checks and writes one uploaded image. An image is a file
// of the site: the build checks it too (an image that leaves the site
// unbuildable is refused).
func (a *API) persistMedia(ctx context.Context, as asset) (any, error) {
	rel, data, err := a.checkImage(as)
	if err != nil {
		return nil, err
	}
	name := content.Dir + "/" + rel
	a.mu.Lock()
	defer a.mu.Unlock()
	errs, err := a.verify(ctx, map[string][]byte{name: data}, []string{name})
	if err != nil {
		return nil, err
	}
	if len(errs) > 0 {
		return nil, refusal("", errs)
	}
	if err := a.write(rel, data); err != nil {
		return nil, err
	}
	return media(name, data), nil
}

// getMedia lists the images of a media folder with their bytes.
func (a *API) getMedia(folder string) ([]mediaFile, error) {
	rel, err := contentPath(strings.TrimSuffix(folder, "/"))
	if err != nil {
		return nil, err
	}
	list, err := fs.ReadDir(a.content, rel)
	if errors.Is(err, fs.ErrNotExist) {
		return []mediaFile{}, nil
	}
	if err != nil {
		return nil, err
	}
	out := []mediaFile{}
	for _, d := range list {
		if d.IsDir() || imageTypes[strings.ToLower(path.Ext(d.Name()))] == nil {
			continue
		}
		if _, err := contentPath(path.Join(content.Dir, rel, d.Name())); err != nil {
			continue // a name Lumen ignores
		}
		data, err := a.readFile(path.Join(rel, d.Name()))
		if err != nil {
			continue
		}
		out = append(out, media(path.Join(content.Dir, rel, d.Name()), data))
	}
	return out, nil
}

// mediaFile reads one image.
func (a *API) mediaFile(p string) (*mediaFile, error) {
	rel, err := contentPath(p)
	if err != nil {
		return nil, err
	}
	data, err := a.readFile(rel)
	if err != nil {
		var e *Error
		if errors.As(err, &e) {
			return nil, e
		}
		return nil, refuse(http.StatusNotFound, "%s: no such file", clip(p))
	}
	m := media(p, data)
	return &m, nil
}

func media(name string, data []byte) mediaFile {
	return mediaFile{ID: fileID(data), Content: base64.StdEncoding.EncodeToString(data), Encoding: "base64", Path: name, Name: path.Base(name)}
}
