// Package benchsite readies a site made by ../shared/bench/gensite.py for
// Lumen's benchmarks: the few changes without which Lumen would refuse the
// generated site, made the same way for every benchmark (bench/*.sh, through
// bench/fixup, and the Go benchmarks of package generator). The changes
// leave a page's text as it is, so a Hugo twin of the site, changed the same
// way, still has the same content.
package benchsite

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
)

// vagueLink matches a link whose whole text is vague, which Lumen's
// Markdown stage rejects (generator/markdown/accessibility.go); gensite.py
// makes one about every 10,000 pages.
var vagueLink = regexp.MustCompile(`(?im)(^|[^!])\[(click here|here|click|read more|more|link|this link|this page|learn more|go)\]\(`)

// descriptionLine matches the description in front matter, the text a
// summary and a key point are made of.
var descriptionLine = regexp.MustCompile(`(?m)^description: (.+)\n`)

// Fixup changes the Markdown files under dir/content in place and reports
// how many it changed:
//
//   - a link whose whole text is vague gets a few words more ("[here about
//     this topic](…)");
//   - a condition, procedure or FAQ page without a summary gets its
//     description as one, a condition or procedure page without key points
//     gets its description as the one key point, and a procedure page
//     without aftercare warnings gets one: the sections Lumen requires of
//     medical pages (rule sections) and gensite.py does not write.
//
// Running it again changes nothing.
func Fixup(dir string) (int, error) {
	changed := 0
	root := filepath.Join(dir, "content")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".md" {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		out := fixPage(filepath.ToSlash(rel), data)
		if bytes.Equal(out, data) {
			return nil
		}
		changed++
		return os.WriteFile(p, out, 0o644)
	})
	return changed, err
}

// fixPage returns the page at rel (a path under content/) with data
// changed as Fixup says.
func fixPage(rel string, data []byte) []byte {
	data = vagueLink.ReplaceAll(data, []byte("$1[$2 about this topic]("))
	section, _, _ := bytes.Cut([]byte(rel), []byte("/"))
	kind := string(section)
	if kind != "conditions" && kind != "procedures" && kind != "faqs" || bytes.HasPrefix([]byte(filepath.Base(rel)), []byte("_index")) {
		return data
	}
	m := descriptionLine.FindSubmatchIndex(data)
	if m == nil {
		return data
	}
	desc := data[m[2]:m[3]]
	front, _, _ := bytes.Cut(data, []byte("\n---"))
	var add bytes.Buffer
	if !bytes.Contains(front, []byte("\nsummary:")) {
		add.WriteString("summary: " + string(desc) + "\n")
	}
	if kind != "faqs" && !bytes.Contains(front, []byte("\nkey_points:")) {
		add.WriteString("key_points:\n  - " + string(desc) + "\n")
	}
	if kind == "procedures" && !bytes.Contains(front, []byte("\naftercare_warnings:")) {
		add.WriteString("aftercare_warnings:\n  - \"A fever of 101 °F (38.3 °C) or higher\"\n")
	}
	if add.Len() == 0 {
		return data
	}
	out := make([]byte, 0, len(data)+add.Len())
	out = append(out, data[:m[1]]...)
	out = append(out, add.Bytes()...)
	return append(out, data[m[1]:]...)
}
