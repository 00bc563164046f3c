package main

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"

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
	return listWithSource(list, source)
}

// listWithSource returns the text of list, up to diag.MaxErrors of them,
// with, under each finding that names a line of a file of the site in
// source, that line and a caret at the column.
func listWithSource(list diag.List, source string) string {
	return findingsText(list, source, diag.MaxErrors)
}

// findingsText returns the text of up to limit findings of list (all of
// them when limit is 0), each with its line of the site's source.
func findingsText(list diag.List, source string, limit int) string {
	// The site is read through sitefs, so that an error about a link
	// never shows a line of a file outside the site.
	src, err := sitefs.Open(source)
	if err != nil {
		return list.Error()
	}
	defer src.Close()
	files := map[string][]byte{}
	var b strings.Builder
	for i, e := range list {
		if limit > 0 && i == limit {
			fmt.Fprintf(&b, "\n... and %d more", len(list)-limit)
			break
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		data, ok := files[e.File]
		if !ok && fs.ValidPath(e.File) && e.Line > 0 {
			data, _ = fs.ReadFile(src, e.File)
			files[e.File] = data
		}
		b.WriteString(e.WithSource(data))
	}
	return b.String()
}
