package main

import (
	"errors"
	"os"
	"path/filepath"

	"github.com/lumen-ssg/lumen/generator/diag"
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
	return list.WithSource(func(file string) ([]byte, error) {
		name := filepath.FromSlash(file)
		if !filepath.IsLocal(name) {
			return nil, os.ErrNotExist
		}
		return os.ReadFile(filepath.Join(source, name))
	})
}
