package redirects

import (
	"slices"
	"testing"
)

func TestParse(t *testing.T) {
	in := "# Old addresses\n/clinic/old/ /clinic/new/ 301\n/a /b\n\n/c https://example.org/ 302!\nbroken\n"
	want := []Rule{{"/clinic/old/", "/clinic/new/", 301}, {"/a", "/b", 301}, {"/c", "https://example.org/", 302}}
	if got := Parse([]byte(in)); !slices.Equal(got, want) {
		t.Errorf("Parse:\n got %v\nwant %v", got, want)
	}
}
