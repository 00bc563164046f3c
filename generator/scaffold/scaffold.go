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

// Kinds lists the kinds Page can create, with the folder of each.
var Kinds = map[string]string{
	"article":   "articles",
	"condition": "conditions",
	"procedure": "procedures",
	"faq":       "faqs",
	"provider":  "providers",
	"location":  "locations",
	"page":      "",
}

// KindNames returns the kinds Page accepts, sorted.
func KindNames() []string {
	var out []string
	for k := range Kinds {
		out = append(out, k)
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
func Page(siteDir, kind, title string, today time.Time, reviewer string) (string, error) {
	folder, ok := Kinds[kind]
	if !ok {
		return "", fmt.Errorf("unknown kind %q; choose one of %s", kind, strings.Join(KindNames(), ", "))
	}
	slug := content.Slugify(title)
	if slug == "" {
		return "", fmt.Errorf("the title %q has no letters or digits to make a file name from", title)
	}
	full := filepath.Join(siteDir, content.Dir, folder, slug+".md")
	front, err := frontMatter(kind, title, today, reviewer)
	if err != nil {
		return "", err
	}
	body := "\nWrite the page here in plain words, for patients. Use ## for headings.\n"
	if err := writeNew(full, []byte("---\n"+front+"---\n"+body)); err != nil {
		return "", err
	}
	return full, nil
}

// frontMatter returns the YAML front matter of a new page.
func frontMatter(kind, title string, today time.Time, reviewer string) (string, error) {
	q, err := yaml.Marshal(title)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "title: %s", q)
	b.WriteString("description: \"\"\ndraft: true\n")
	date := today.Format("2006-01-02")
	medical := func() {
		fmt.Fprintf(&b, "summary: \"\"\nauthor: %s\nreviewed_by: %s\nlast_reviewed: %s\nkey_points: []\nreferences: []\n", reviewer, reviewer, date)
	}
	switch kind {
	case "article":
		fmt.Fprintf(&b, "date: %s\ntags: []\n", date)
		medical()
	case "condition":
		medical()
		b.WriteString("also_known_as: []\nsymptoms: []\nred_flags: []\ncauses: []\nrisk_factors: []\ndiagnosis: []\ntreatments: []\nprocedures: []\nicd10: \"\"\nanatomy: \"\"\n")
	case "procedure":
		medical()
		b.WriteString("procedure_type: percutaneous\ntreats: []\nduration: \"\"\nanesthesia: \"\"\nrecovery:\n  - {when: \"First day\", what: \"Write what patients can expect.\"}\nrisks: []\nalternatives: []\n")
	case "faq":
		medical()
		b.WriteString("about: []\nquestions:\n  - question: \"Write a question patients ask?\"\n    answer: \"Write the answer in plain words.\"\n")
	case "provider":
		b.WriteString("credentials: []\nrole: \"\"\nspecialties: []\nlanguages: [English]\naccepting_new_patients: true\nlocations: []\n")
	case "location":
		b.WriteString("address: {street: \"\", city: \"\", region: \"\", postal_code: \"\", country: US}\nphone: \"\"\nhours:\n  - {days: Monday to Friday, opens: \"08:00\", closes: \"17:00\"}\nparking: \"\"\n")
	}
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
