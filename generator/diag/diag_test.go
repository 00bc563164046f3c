package diag

import (
	"errors"
	"fmt"
	"reflect"
	"testing"
	"unsafe"
)

// TestCopy holds List.Copy to findings equal to the originals that share
// none of their bytes: the build cache reads a carried page's findings
// into a buffer it reads the next page into.
func TestCopy(t *testing.T) {
	buf := []byte("content/a.mdlink.brokenwarningno page at /x/link to a page that exists")
	at := func(i, j int) string { return unsafe.String(&buf[i], j-i) }
	l := List{{File: at(0, 12), Line: 3, Col: 2, Rule: at(12, 23), Severity: Severity(at(23, 30)), Msg: at(30, 44), Hint: at(44, len(buf))}, {Msg: "alone"}}
	c := l.Copy()
	if !reflect.DeepEqual(c, l) {
		t.Fatalf("Copy() = %v; want %v", c, l)
	}
	for i := range buf {
		buf[i] = '?'
	}
	want := List{{File: "content/a.md", Line: 3, Col: 2, Rule: "link.broken", Severity: SeverityWarning, Msg: "no page at /x/", Hint: "link to a page that exists"}, {Msg: "alone"}}
	if !reflect.DeepEqual(c, want) {
		t.Errorf("after the buffer changed, the copy is %v; want %v", c, want)
	}
	if c[0] == l[0] {
		t.Error("the copy has the same *Error")
	}
	if List(nil).Copy() != nil {
		t.Error("the copy of no list is not nil")
	}
}

func TestErrorText(t *testing.T) {
	tests := []struct {
		err  *Error
		want string
	}{
		{&Error{File: "content/a.md", Line: 3, Col: 5, Msg: "bad"}, "content/a.md:3:5: bad"},
		{&Error{File: "content/a.md", Line: 3, Msg: "bad"}, "content/a.md:3: bad"},
		{&Error{File: "site.yaml", Msg: "bad"}, "site.yaml: bad"},
		{&Error{Msg: "bad"}, "bad"},
		{&Error{Line: 1, Msg: "bad"}, "bad"},
		{Errorf("x.md", 2, "unknown key %q", "titel").WithHint("did you mean %q?", "title"),
			"x.md:2: unknown key \"titel\"\n    hint: did you mean \"title\"?"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}

func TestListAddFlattensAndSorts(t *testing.T) {
	var inner List
	inner.Add(Errorf("b.md", 1, "two"))
	var l List
	l.Add(nil)
	l.Add(Errorf("b.md", 9, "three"))
	l.Add(fmt.Errorf("stage: %w", inner))
	l.Add(Errorf("a.md", 4, "one"))
	l.Add(errors.New("plain"))
	l.Sort()
	want := "plain\na.md:4: one\nb.md:1: two\nb.md:9: three"
	if got := l.Error(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if (List{}).Err() != nil {
		t.Error("empty list should be a nil error")
	}
}

func TestListCapsOutput(t *testing.T) {
	var l List
	for i := range MaxErrors + 3 {
		l.Add(Errorf("a.md", i+1, "e"))
	}
	got := l.Error()
	if want := "... and 3 more errors"; got[len(got)-len(want):] != want {
		t.Errorf("tail = %q", got[len(got)-40:])
	}
}

func TestClosest(t *testing.T) {
	keys := []string{"title", "description", "reviewed_by", "last_reviewed", "tags"}
	tests := map[string]string{
		"titel":        "title",
		"tittle":       "title",
		"reviewd_by":   "reviewed_by",
		"descripton":   "description",
		"tag":          "tags",
		"banana":       "",
		"last_revised": "last_reviewed",
	}
	for word, want := range tests {
		if got := Closest(word, keys); got != want {
			t.Errorf("Closest(%q) = %q, want %q", word, got, want)
		}
	}
}
