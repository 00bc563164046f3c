package editapi

import (
	"io/fs"
	"testing"
	"testing/fstest"
)

func TestContentPath(t *testing.T) {
	for _, tc := range []struct {
		in, want string // want "" means refused
	}{
		{"content/conditions/sciatica.md", "conditions/sciatica.md"},
		{"content/_index.md", "_index.md"},
		{"content/es/conditions/_index.md", "es/conditions/_index.md"},
		{"content/images/x.png", "images/x.png"},
		{"content", ""},
		{"content/", ""},
		{"/content/about.md", ""},
		{"/etc/passwd", ""},
		{"site.yaml", ""},
		{"contents/about.md", ""},
		{"content/../site.yaml", ""},
		{"content/a/../../site.yaml", ""},
		{"content/./about.md", ""},
		{"content//about.md", ""},
		{"content/about.md/", ""},
		{`content\..\site.yaml`, ""},
		{"content/a\x00.md", ""},
		{"content/.git/config", ""},
		{"content/_drafts/a.md", ""},
		{"content/a.md.swp", ""},
		{"", ""},
	} {
		got, err := contentPath(tc.in)
		if got != tc.want || (err == nil) != (tc.want != "") {
			t.Errorf("contentPath(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
}

func TestTidy(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"nothing empty", "---\ntitle: A\n---\nBody.\n", "---\ntitle: A\n---\nBody.\n"},
		{"empty values", "---\ntitle: A\nslug: ''\nnext_review: ''\nweight: null\ntags: []\ngeo: {}\n---\nBody.\n", "---\ntitle: A\n---\nBody.\n"},
		{"nested", "---\ntitle: A\nself_care:\n  do: []\n  dont: [x]\nreferences:\n  - title: T\n    url: ''\n    doi: 10.1/x\n---\n", "---\ntitle: A\nself_care:\n  dont: [x]\nreferences:\n  - title: T\n    doi: 10.1/x\n---\n"},
		{"not yaml", "---\ntitle: [\n---\n", "---\ntitle: [\n---\n"},
		{"no front matter", "Just text.\n", "Just text.\n"},
		{"false and zero stay", "---\ndraft: false\nweight: 0\n---\n", "---\ndraft: false\nweight: 0\n---\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := string(tidy([]byte(tc.in))); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

func TestOverlay(t *testing.T) {
	base := fstest.MapFS{
		"content/a.md":       {Data: []byte("a")},
		"content/b.md":       {Data: []byte("b")},
		"content/sub/c.md":   {Data: []byte("c")},
		"site.yaml":          {Data: []byte("title: x")},
		"content/sub/d.webp": {Data: []byte("d")},
	}
	o := newOverlay(base, map[string][]byte{"content/a.md": []byte("A"), "content/b.md": nil, "content/new/e.md": []byte("e")})
	var names []string
	fs.WalkDir(o, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, _ := fs.ReadFile(o, p)
			names = append(names, p+"="+string(data))
		}
		return err
	})
	want := "[content/a.md=A content/new/e.md=e content/sub/c.md=c content/sub/d.webp=d site.yaml=title: x]"
	if got := fmtList(names); got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
	if _, err := fs.Stat(o, "content/b.md"); err == nil {
		t.Error("a removed file is still there")
	}
	if info, err := fs.Stat(o, "content/new"); err != nil || !info.IsDir() {
		t.Errorf("a folder the change makes: %v", err)
	}
}

func fmtList(l []string) string {
	s := "["
	for i, x := range l {
		if i > 0 {
			s += " "
		}
		s += x
	}
	return s + "]"
}
