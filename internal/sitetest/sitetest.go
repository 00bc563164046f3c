// Package sitetest holds helpers for whole-site tests: sites written as one
// txtar-style text, and assertions on the files a build writes.
//
// An archive is a comment followed by files, each introduced by a line
// "-- name --":
//
//	A condition links to its procedure.
//	-- site.yaml --
//	title: Test
//	base_url: https://example.com/
//	-- content/conditions/a.md --
//	---
//	title: A
//	---
//
// Assertions are lines that a file must contain; a line starting with "! "
// must not be contained.
package sitetest

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// Parse returns the files of archive as a MapFS, and the comment before
// the first file.
func Parse(archive string) (fstest.MapFS, string) {
	files := fstest.MapFS{}
	var comment strings.Builder
	var name string
	var body strings.Builder
	flush := func() {
		if name != "" {
			files[name] = &fstest.MapFile{Data: []byte(body.String()), Mode: 0o644}
		}
		body.Reset()
	}
	for _, line := range strings.SplitAfter(archive, "\n") {
		trimmed := strings.TrimRight(line, "\r\n")
		if strings.HasPrefix(trimmed, "-- ") && strings.HasSuffix(trimmed, " --") && len(trimmed) > 6 {
			flush()
			name = strings.TrimSpace(trimmed[3 : len(trimmed)-3])
			continue
		}
		if name == "" {
			comment.WriteString(line)
		} else {
			body.WriteString(line)
		}
	}
	flush()
	return files, comment.String()
}

// WriteDir writes the files of fsys under dir.
func WriteDir(t testing.TB, dir string, fsys fstest.MapFS) {
	t.Helper()
	for name, f := range fsys {
		full := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// Contains checks that the file name of fsys contains each line, or, for
// a line starting with "! ", does not contain the rest of the line.
func Contains(t testing.TB, fsys fs.FS, name string, lines ...string) {
	t.Helper()
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		t.Errorf("%s: %v", name, err)
		return
	}
	text := string(data)
	for _, l := range lines {
		if neg, ok := strings.CutPrefix(l, "! "); ok {
			if strings.Contains(text, neg) {
				t.Errorf("%s contains %q, which it must not", name, neg)
			}
			continue
		}
		if !strings.Contains(text, l) {
			t.Errorf("%s does not contain %q", name, l)
		}
	}
}

// Snapshot returns every file under dir with its content, to compare a
// folder before and after an operation.
func Snapshot(t testing.TB, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(dir, p)
			out[filepath.ToSlash(rel)] = string(data)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
