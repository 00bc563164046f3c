package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/lumen-ssg/lumen/generator/config"
	"github.com/lumen-ssg/lumen/generator/content"
)

// runTranslated marks translations as up to date with their originals:
// it writes the original's current version into each translation's front
// matter (original_version), so that lumen check stops warning until the
// original changes again.
func runTranslated(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("translated", flag.ContinueOnError)
	fl.SetOutput(stderr)
	source := fl.String("source", ".", "the site's folder")
	files, err := parseInterspersed(fl, args)
	if err != nil {
		return exitUsage
	}
	if len(files) == 0 {
		fmt.Fprintln(stderr, "usage: lumen translated [--source DIR] FILE...\nFILE is a translation, such as content/es/conditions/sciatica.md, that now says what its original says")
		return exitUsage
	}
	cfg, err := config.Load(os.DirFS(*source))
	if err != nil {
		fmt.Fprintln(stderr, "lumen translated:", err)
		return exitError
	}
	status := exitOK
	for _, f := range files {
		msg, err := markTranslated(*source, cfg, f)
		if err != nil {
			fmt.Fprintln(stderr, "lumen translated:", err)
			status = exitError
			continue
		}
		fmt.Fprintln(stdout, msg)
	}
	return status
}

// markTranslated writes the version of the original of the translation
// file (a path from the working folder, or from the site's folder source)
// into its front matter, and says what it did.
func markTranslated(source string, cfg *config.Config, file string) (string, error) {
	rel, err := siteRelative(source, file)
	if err != nil {
		return "", err
	}
	codes := cfg.OtherLanguageCodes()
	parts := strings.SplitN(rel, "/", 3)
	if len(parts) < 3 || parts[0] != content.Dir || !slices.Contains(codes, parts[1]) || !strings.HasSuffix(rel, ".md") {
		hint := "the site has no language but its default one: add the language to site.yaml (languages:) first"
		if len(codes) > 0 {
			hint = fmt.Sprintf("translations are the .md files under content/%s/", strings.Join(codes, "/ or content/"))
		}
		return "", fmt.Errorf("%s is not a translation: %s", rel, hint)
	}
	full := filepath.Join(source, filepath.FromSlash(rel))
	info, err := os.Lstat(full)
	if err != nil {
		return "", fmt.Errorf("%s: %v", rel, errors.Unwrap(err))
	}
	if !info.Mode().IsRegular() {
		return "", fmt.Errorf("%s is not a regular file (a link or a folder); mark the file itself", rel)
	}
	data, err := os.ReadFile(full)
	if err != nil {
		return "", err
	}
	p, errs := content.ParseIn(rel, parts[1], data)
	if p == nil {
		return "", errs.Err()
	}
	orig := content.Dir + "/" + p.OriginalRel()
	origData, err := os.ReadFile(filepath.Join(source, filepath.FromSlash(orig)))
	if err != nil {
		return "", fmt.Errorf("%s translates %s, which cannot be read: %v (give its path from content/ with translation_of)", rel, orig, errors.Unwrap(err))
	}
	version := content.Version(origData)
	out, err := content.SetKey(rel, data, "original_version", version)
	if err != nil {
		return "", err
	}
	if err := writeAtomically(full, out, info.Mode().Perm()); err != nil {
		return "", err
	}
	return fmt.Sprintf("%s: marked up to date with %s (original_version: %s)", rel, orig, version), nil
}

// siteRelative returns the slash-separated path, from the site's folder
// source, of file: a path from the working folder inside source, or a
// path from source itself.
func siteRelative(source, file string) (string, error) {
	root, err := filepath.Abs(source)
	if err != nil {
		return "", err
	}
	abs, err := filepath.Abs(file)
	if err != nil {
		return "", err
	}
	if _, err := os.Lstat(abs); err != nil || !strings.HasPrefix(abs, root+string(filepath.Separator)) {
		abs = filepath.Join(root, file) // written from the site's folder
	}
	rel, err := filepath.Rel(root, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", fmt.Errorf("%s is not in the site's folder %s", file, source)
	}
	return filepath.ToSlash(rel), nil
}

// writeAtomically replaces the file name with data: written beside it
// first, then renamed over it, so that the file is never half written.
func writeAtomically(name string, data []byte, perm os.FileMode) error {
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(perm); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), name)
}
