package generator

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/lumen-ssg/lumen/themes"
)

// An edit changes the site in the folder dir as an author would, and
// returns what it did and how to undo it (for an edit that broke the site).
type edit func(rng *rand.Rand, dir string, step int) (what string, undo func())

// cacheEdits are the edits the equivalence test draws from: each kind of
// change a build cache must notice.
var cacheEdits = map[string]edit{
	"body":        editBody,
	"title":       editTitle,
	"title end":   editTitleEnd,
	"slug":        editSlug,
	"delete":      editDelete,
	"new page":    editNewPage,
	"tag":         editTag,
	"glossary":    editGlossary,
	"template":    editTemplate,
	"reading":     editReadingTheme,
	"site":        editSiteYAML,
	"image":       editImage,
	"drawing":     editDrawing,
	"new drawing": editNewDrawing,
	"link target": editLinkTarget,
	"nothing":     editNothing,
	"day":         nil, // the build's day moves on (TestCachedBuildIsACleanBuild)
}

// pagesOf returns the Markdown files of the site in dir, sorted.
func pagesOf(dir string) []string {
	var out []string
	fs.WalkDir(os.DirFS(dir), "content", func(name string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(name, ".md") && !strings.HasSuffix(name, "_index.md") {
			out = append(out, name)
		}
		return nil
	})
	return out
}

// change replaces the file name of dir with what f makes of it, and
// returns the undo.
func change(dir, name string, f func(string) string) func() {
	full := filepath.Join(dir, name)
	old, err := os.ReadFile(full)
	existed := err == nil
	os.MkdirAll(filepath.Dir(full), 0o755)
	os.WriteFile(full, []byte(f(string(old))), 0o644)
	return func() {
		if existed {
			os.WriteFile(full, old, 0o644)
		} else {
			os.Remove(full)
		}
	}
}

// pick returns one of the site's pages, its front matter and its body.
func pick(rng *rand.Rand, dir string) string {
	pages := pagesOf(dir)
	return pages[rng.IntN(len(pages))]
}

var (
	titleLine = regexp.MustCompile(`(?m)^title: .*$`)
	slugLine  = regexp.MustCompile(`(?m)^slug: .*\n`)
	tagsLine  = regexp.MustCompile(`(?m)^tags:\n`)
	// taglineLine is the practice's tagline in site.yaml.
	taglineLine = regexp.MustCompile(`(?m)^  tagline: Care for back.*$`)
)

func editBody(rng *rand.Rand, dir string, step int) (string, func()) {
	p := pick(rng, dir)
	return p, change(dir, p, func(s string) string {
		return s + fmt.Sprintf("\nThis short line was added in step %d. It is plain.\n", step)
	})
}

func editTitle(rng *rand.Rand, dir string, step int) (string, func()) {
	p := pick(rng, dir)
	return p, change(dir, p, func(s string) string {
		return titleLine.ReplaceAllString(s, fmt.Sprintf("title: A new title of step %d", step))
	})
}

// editTitleEnd adds words to the end of a page's title, which mostly
// keeps its place in lists sorted by title: the site's structure stays
// the same, and the pages that do not show the title are known to read
// the same from their deps (Snapshot.readsUnchanged).
func editTitleEnd(rng *rand.Rand, dir string, step int) (string, func()) {
	p := pick(rng, dir)
	return p, change(dir, p, func(s string) string {
		return titleLine.ReplaceAllStringFunc(s, func(line string) string {
			if q := line[len(line)-1]; q == '"' || q == '\'' {
				return fmt.Sprintf("%s, step %d%c", line[:len(line)-1], step, q)
			}
			return fmt.Sprintf("%s, step %d", line, step)
		})
	})
}

func editSlug(rng *rand.Rand, dir string, step int) (string, func()) {
	p := pick(rng, dir)
	return p, change(dir, p, func(s string) string {
		s = slugLine.ReplaceAllString(s, "")
		return strings.Replace(s, "---\n", fmt.Sprintf("---\nslug: moved-in-step-%d\n", step), 1)
	})
}

func editDelete(rng *rand.Rand, dir string, step int) (string, func()) {
	p := pick(rng, dir)
	full := filepath.Join(dir, p)
	old, _ := os.ReadFile(full)
	os.Remove(full)
	return p, func() { os.WriteFile(full, old, 0o644) }
}

func editNewPage(rng *rand.Rand, dir string, step int) (string, func()) {
	name := fmt.Sprintf("content/articles/new-in-step-%d.md", step)
	return name, change(dir, name, func(string) string {
		return fmt.Sprintf("---\ntitle: News of step %d\ndate: 2026-11-%02d\nsummary: A short note for patients.\ntags: [back pain]\n---\n\nThe clinic has a new note. Read it when you can.\n", step, 1+rng.IntN(28))
	})
}

// editLinkTarget moves a page that other pages link to by its file
// (../conditions/discogenic-low-back-pain.md), so that their links lead
// to its new address: the pages are not edited, and their HTML changes.
// The one link to its address is made a link to its file first.
func editLinkTarget(rng *rand.Rand, dir string, step int) (string, func()) {
	undoLink := change(dir, "content/articles/when-back-pain-needs-a-specialist.md", func(s string) string {
		return strings.Replace(s, "](/conditions/discogenic-low-back-pain/)", "](../conditions/discogenic-low-back-pain.md)", 1)
	})
	p := "content/conditions/discogenic-low-back-pain.md"
	undoSlug := change(dir, p, func(s string) string {
		s = slugLine.ReplaceAllString(s, "")
		return strings.Replace(s, "---\n", fmt.Sprintf("---\nslug: disc-pain-in-step-%d\n", step), 1)
	})
	return p, func() { undoSlug(); undoLink() }
}

func editTag(rng *rand.Rand, dir string, step int) (string, func()) {
	p := "content/articles/when-back-pain-needs-a-specialist.md"
	return p, change(dir, p, func(s string) string {
		return tagsLine.ReplaceAllString(s, fmt.Sprintf("tags:\n  - step %d\n", step))
	})
}

func editGlossary(rng *rand.Rand, dir string, step int) (string, func()) {
	p := "content/glossary.yaml"
	const term = "  - term: bone spur\n    definition: a small, hard bump of extra bone\n"
	return p, change(dir, p, func(s string) string {
		if strings.Contains(s, term) {
			return strings.Replace(s, term, "", 1)
		}
		return s + term
	})
}

func editTemplate(rng *rand.Rand, dir string, step int) (string, func()) {
	p := "themes/default/layouts/partials/footer.html"
	return p, change(dir, p, func(string) string {
		data, _ := fs.ReadFile(themes.Default(), "layouts/partials/footer.html")
		return strings.Replace(string(data), "</footer>", fmt.Sprintf("<p>Step %d</p></footer>", step), 1)
	})
}

func editReadingTheme(rng *rand.Rand, dir string, step int) (string, func()) {
	// While the site's section layout shows each listed page's Content,
	// an edit to a page's text must remake its section's page too. The
	// edit puts the layout in place, or takes it away.
	layout := filepath.Join(dir, "themes/default/layouts/section.html")
	undo := change(dir, "themes/default/layouts/section.html", func(string) string { return string(readingTheme["themes/default/layouts/section.html"].Data) })
	if _, err := os.Stat(layout + ".off"); err == nil {
		os.Remove(layout)
		os.Remove(layout + ".off")
		undo = func() {}
	} else {
		os.WriteFile(layout+".off", nil, 0o644)
	}
	p := pick(rng, dir)
	undo2 := change(dir, p, func(s string) string { return s + fmt.Sprintf("\nOne more line of step %d.\n", step) })
	return "the section layout shows every page's Content, then " + p, func() { undo2(); undo() }
}

func editSiteYAML(rng *rand.Rand, dir string, step int) (string, func()) {
	return "site.yaml", change(dir, "site.yaml", func(s string) string {
		return taglineLine.ReplaceAllString(s, fmt.Sprintf("  tagline: Care for back, neck and leg pain (%d)", step))
	})
}

func editNothing(rng *rand.Rand, dir string, step int) (string, func()) {
	return "the site as it is", func() {}
}

// editNewDrawing adds a drawing to an article, or changes its size.
func editNewDrawing(rng *rand.Rand, dir string, step int) (string, func()) {
	svg := fmt.Sprintf(`<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="120" viewBox="0 0 %d 120"><title>A test drawing</title><rect width="100%%" height="100%%" fill="#eee"/></svg>`, 100+step, 100+step)
	return withPicture(dir, "step.svg", svg, "A grey test square that stands for a drawing")
}

// withPicture writes data as the picture file of an article of the
// example site, which it shows with the text alt, and returns the
// picture's path and how to undo both.
func withPicture(dir, file, data, alt string) (string, func()) {
	p := "content/articles/endoscopic-spine-surgery-pain-specialists/" + file
	undo := change(dir, p, func(string) string { return data })
	md := "content/articles/endoscopic-spine-surgery-pain-specialists/index.md"
	undo2 := change(dir, md, func(s string) string {
		if strings.Contains(s, "("+file+")") {
			return s
		}
		return s + "\n![" + alt + "](" + file + ")\n"
	})
	return p, func() { undo2(); undo() }
}

// editDrawing changes the size one of the example site's drawings says it
// is, which the <img> of its page shows.
func editDrawing(rng *rand.Rand, dir string, step int) (string, func()) {
	p := []string{"content/conditions/lumbar-disc-herniation.svg", "content/procedures/radiofrequency-ablation.svg",
		"content/es/conditions/hernia-de-disco-lumbar.svg"}[rng.IntN(3)]
	size := regexp.MustCompile(`width="\d+" height="\d+"`)
	undo := change(dir, p, func(s string) string {
		return size.ReplaceAllString(s, fmt.Sprintf(`width="%d" height="%d"`, 400+step, 300+step))
	})
	return p, undo
}

func editImage(rng *rand.Rand, dir string, step int) (string, func()) {
	img := image.NewRGBA(image.Rect(0, 0, 64+step, 48))
	for x := range img.Bounds().Dx() {
		for y := range 48 {
			img.Set(x, y, color.RGBA{uint8(x * 3), uint8(y * 5), uint8(step * 40), 255})
		}
	}
	var b bytes.Buffer
	png.Encode(&b, img)
	return withPicture(dir, "step.png", b.String(), "A coloured test square that stands for a diagram")
}
