package markdown

import (
	"errors"
	"testing"
)

// mapResolver resolves the paths it has, from any source, and no other.
type mapResolver map[string]string

func (m mapResolver) Resolve(source, dest string) (string, error) {
	if u, ok := m[dest]; ok {
		return u, nil
	}
	return "", errors.New("no such page")
}

// TestSameTargets renders a document against one site, then asks whether
// its links lead where they did against another: a link whose page moved
// or went, or that was broken and now leads somewhere, does not; links to
// other sites, unsafe ones and pages that stayed put do.
func TestSameTargets(t *testing.T) {
	before := mapResolver{"../a.md": "/a/", "../b.md": "/b/", "pic.png": "/c/pic.png"}
	src := "[a](../a.md#why) and [b](../b.md?x=1), ![p](pic.png), [out](https://example.org/), <mailto:x@example.org>, [bad](javascript:alert(1))\n"
	doc, _ := New().RenderWith("content/c/index.md", []byte(src), 0, Options{Resolver: before})
	if len(doc.Links) != 6 {
		t.Fatalf("links %+v", doc.Links)
	}
	withBroken, _ := New().RenderWith("content/d.md", []byte("[gone](../gone.md)\n"), 0, Options{Resolver: before})
	for _, tc := range []struct {
		name  string
		res   mapResolver
		links []Link
		want  bool
	}{
		{"the same site", before, doc.Links, true},
		{"another page added", mapResolver{"../a.md": "/a/", "../b.md": "/b/", "pic.png": "/c/pic.png", "../new.md": "/new/"}, doc.Links, true},
		{"a page moved", mapResolver{"../a.md": "/moved/", "../b.md": "/b/", "pic.png": "/c/pic.png"}, doc.Links, false},
		{"a page gone", mapResolver{"../a.md": "/a/", "pic.png": "/c/pic.png"}, doc.Links, false},
		{"a picture gone", mapResolver{"../a.md": "/a/", "../b.md": "/b/"}, doc.Links, false},
		{"a broken link, still broken", before, withBroken.Links, false},
		{"a broken link that now leads somewhere", mapResolver{"../gone.md": "/gone/"}, withBroken.Links, false},
		{"no links", nil, nil, true},
	} {
		if got := SameTargets(tc.links, tc.res, "content/c/index.md"); got != tc.want {
			t.Errorf("%s: SameTargets = %v; want %v", tc.name, got, tc.want)
		}
	}
}
