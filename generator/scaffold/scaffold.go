// Package scaffold writes new sites and new pages, as lumen new does.
//
// Site writes a small site that builds at once: site.yaml, a home page, a
// provider, a location, a condition reviewed by the provider, an article
// and the pages every practice needs (about, contact, privacy notice,
// accessibility statement). Page writes one content file of a kind with
// that kind's front-matter keys filled in or left for the writer, marked
// as a draft so that it is not published until it is ready. Neither ever
// overwrites a file.
package scaffold

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/lumen-ssg/lumen/generator/content"
	"go.yaml.in/yaml/v3"
)

// kind returns the entry of the table of kinds for a kind Page can
// create: a content kind, chosen by its folder, or a plain page.
func kind(name string) (content.KindInfo, bool) {
	for _, k := range content.Kinds() {
		if string(k.Kind) == name && (k.Folder != "" || k.Kind == content.KindPage) {
			return k, true
		}
	}
	return content.KindInfo{}, false
}

// IsKind reports whether Page can create pages of the kind name.
func IsKind(name string) bool {
	_, ok := kind(name)
	return ok
}

// KindNames returns the kinds Page accepts, sorted.
func KindNames() []string {
	var out []string
	for _, k := range content.Kinds() {
		if IsKind(string(k.Kind)) {
			out = append(out, string(k.Kind))
		}
	}
	sort.Strings(out)
	return out
}

// Site writes a new site into dir, which must not exist or be empty.
func Site(dir string) ([]string, error) {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return nil, fmt.Errorf("%s is not empty; choose a new folder for the site", dir)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	var written []string
	for _, name := range sortedKeys(siteFiles) {
		full := filepath.Join(dir, filepath.FromSlash(name))
		if err := writeNew(full, []byte(siteFiles[name])); err != nil {
			return written, err
		}
		written = append(written, full)
	}
	return written, nil
}

// Page writes a new page of kind titled title into the site at siteDir
// and returns its path. today fills in dates; reviewer, when not empty,
// is the provider slug put in reviewed_by.
func Page(siteDir, kindName, title string, today time.Time, reviewer string) (string, error) {
	info, ok := kind(kindName)
	if !ok {
		return "", fmt.Errorf("unknown kind %q; choose one of %s", kindName, strings.Join(KindNames(), ", "))
	}
	slug := content.Slugify(title)
	if slug == "" {
		return "", fmt.Errorf("the title %q has no letters or digits to make a file name from", title)
	}
	full := filepath.Join(siteDir, content.Dir, info.Folder, slug+".md")
	front, err := frontMatter(info, title, today, reviewer)
	if err != nil {
		return "", err
	}
	body := "\nWrite the page here in plain words, for patients. Use ## for headings.\n"
	if err := writeNew(full, []byte("---\n"+front+"---\n"+body)); err != nil {
		return "", err
	}
	return full, nil
}

// frontMatter returns the YAML front matter of a new page of kind k: the
// keys every kind has, the medical keys of a medical kind, and the kind's
// own scaffold from the table of kinds.
func frontMatter(k content.KindInfo, title string, today time.Time, reviewer string) (string, error) {
	q, err := yaml.Marshal(title)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "title: %s", q)
	b.WriteString("description: \"\"\ndraft: true\n")
	date := today.Format("2006-01-02")
	if k.Medical {
		fmt.Fprintf(&b, "summary: \"\"\nauthor: %s\nreviewed_by: %s\nlast_reviewed: %s\nkey_points: []\nreferences: []\n", reviewer, reviewer, date)
	}
	b.WriteString(strings.ReplaceAll(k.Scaffold, "{date}", date))
	return b.String(), nil
}

// writeNew writes data to a new file, creating its folder, and refuses to
// replace a file that exists.
func writeNew(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s already exists; Lumen never overwrites a page: choose another title or edit that file", path)
	}
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func sortedKeys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
