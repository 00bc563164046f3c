// Package themes holds Lumen's built-in themes, embedded into the lumen
// binary so that an installed command works anywhere.
//
// The default theme lives in themes/default/: layouts/ holds the
// html/template files (baseof.html, one file per page kind, and
// partials/), static/ the files copied to the site's root (CSS, icons).
// A site overrides any of these by placing a file at the same path under
// its own themes/default/ folder; see package render.
package themes

import (
	"embed"
	"io/fs"
)

//go:embed all:default
var embedded embed.FS

// Default returns the files of the default theme, rooted at the theme's
// folder (so "layouts/baseof.html" is a valid name).
func Default() fs.FS {
	sub, err := fs.Sub(embedded, "default")
	if err != nil {
		panic(err) // the embedded folder is known to exist
	}
	return sub
}
