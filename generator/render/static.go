package render

import (
	"io/fs"
	"maps"
	"strings"

	"github.com/lumen-ssg/lumen/generator/diag"
	"github.com/lumen-ssg/lumen/generator/fingerprint"
	"github.com/lumen-ssg/lumen/generator/sitefs"
)

// StaticDir is the theme folder whose files are copied to the site root.
const StaticDir = "static"

// StaticFiles lists the theme's static files as paths relative to
// StaticDir, such as "css/main.css", leaving out the names sitefs.Ignored
// names (hidden files, editors' temporary files).
func StaticFiles(theme fs.FS) ([]string, error) {
	var out []string
	err := fs.WalkDir(theme, StaticDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == StaticDir {
				return fs.SkipDir // a theme may have no static files
			}
			return err
		}
		switch {
		case p != StaticDir && sitefs.Ignored(d.Name()):
			if d.IsDir() {
				return fs.SkipDir
			}
		case !d.IsDir():
			out = append(out, strings.TrimPrefix(p, StaticDir+"/"))
		}
		return nil
	})
	return out, err
}

// fingerprints returns, for each static file, its fingerprinted name
// ("css/main.css" → "css/main.4b14a800.css"). A file that cannot be read, such as a symbolic link out of the site, is
// an error naming it as label names it.
func fingerprints(theme fs.FS, label func(string) string) (map[string]string, error) {
	files, err := StaticFiles(theme)
	if err != nil {
		return nil, err
	}
	out := make(map[string]string, len(files))
	var errs diag.List
	for _, f := range files {
		name := StaticDir + "/" + f
		data, err := fs.ReadFile(theme, name)
		if err != nil {
			e := &diag.Error{Msg: "cannot read: " + sitefs.Reason(err)}
			if info, lerr := fs.Lstat(theme, name); lerr == nil && info.Mode()&fs.ModeSymlink != 0 {
				e = sitefs.Link(theme, name, err)
			}
			e.File = label(name)
			errs = append(errs, e)
			continue
		}
		out[f] = fingerprint.Name(f, data)
	}
	return out, errs.Err()
}

// asset returns the URL of the static file p under its fingerprinted
// name, or an error when the theme has no such file.
func (r *Renderer) asset(p string) (string, error) {
	p = strings.TrimPrefix(p, "/")
	v, ok := r.assets[p]
	if !ok {
		return "", &missingAsset{p}
	}
	return "/" + v, nil
}

// hasAsset is the template function hasAsset: whether the theme, with the
// site's overrides, has the static file p — for a file a site may add,
// such as css/brand.css.
func (r *Renderer) hasAsset(p string) bool {
	_, ok := r.assets[strings.TrimPrefix(p, "/")]
	return ok
}

// Fingerprinted returns, for each static file of the theme such as
// "css/main.css", the name it is published under as well, with the
// fingerprint of its content ("css/main.4b14a800.css"), which pages link
// to (see package fingerprint).
func (r *Renderer) Fingerprinted() map[string]string {
	return maps.Clone(r.assets)
}

type missingAsset struct{ name string }

func (e *missingAsset) Error() string {
	return "asset: the theme has no file static/" + e.name
}
