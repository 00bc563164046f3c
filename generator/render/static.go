package render

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"strings"
)

// StaticDir is the theme folder whose files are copied to the site root.
const StaticDir = "static"

// StaticFiles lists the theme's static files as paths relative to
// StaticDir, such as "css/main.css".
func StaticFiles(theme fs.FS) ([]string, error) {
	var out []string
	err := fs.WalkDir(theme, StaticDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == StaticDir {
				return fs.SkipDir // a theme may have no static files
			}
			return err
		}
		if !d.IsDir() && !strings.HasPrefix(d.Name(), ".") {
			out = append(out, strings.TrimPrefix(p, StaticDir+"/"))
		}
		return nil
	})
	return out, err
}

// fingerprints returns, for each static file, a short hash of its content.
func fingerprints(theme fs.FS) (map[string]string, error) {
	files, err := StaticFiles(theme)
	if err != nil {
		return nil, err
	}
	out := make(map[string]string, len(files))
	for _, f := range files {
		data, err := fs.ReadFile(theme, StaticDir+"/"+f)
		if err != nil {
			return nil, err
		}
		sum := sha256.Sum256(data)
		out[f] = hex.EncodeToString(sum[:4])
	}
	return out, nil
}

// asset returns the URL of the static file p with a fingerprint query, or
// an error when the theme has no such file.
func (r *Renderer) asset(p string) (string, error) {
	p = strings.TrimPrefix(p, "/")
	v, ok := r.assets[p]
	if !ok {
		return "", &missingAsset{p}
	}
	return "/" + p + "?v=" + v, nil
}

type missingAsset struct{ name string }

func (e *missingAsset) Error() string {
	return "asset: the theme has no file static/" + e.name
}
