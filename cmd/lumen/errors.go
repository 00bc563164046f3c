package main

import (
	"errors"
	"io/fs"

	"github.com/lumen-ssg/lumen/generator/diag"
	"github.com/lumen-ssg/lumen/generator/sitefs"
)

// withSource returns the text of a build error with, under each problem
// that names a line of a file of the site in source, that line and a
// caret at the column. Other errors are returned as err.Error().
func withSource(err error, source string) string {
	var list diag.List
	if !errors.As(err, &list) {
		var e *diag.Error
		if !errors.As(err, &e) {
			return err.Error()
		}
		list = diag.List{e}
	}
	// The site is read through sitefs, so that an error about a link
	// never shows a line of a file outside the site.
	src, err := sitefs.Open(source)
	if err != nil {
		return list.Error()
	}
	defer src.Close()
	return list.WithSource(func(file string) ([]byte, error) {
		if !fs.ValidPath(file) {
			return nil, fs.ErrNotExist
		}
		return fs.ReadFile(src, file)
	})
}
