package diag

import (
	"errors"
	"strings"
	"testing"
)

func TestWithSource(t *testing.T) {
	src := []byte("\ufeff---\r\ntitle: About\r\ndescription: Our hours: 8 to 5\r\n\tcity: x\n---\n")
	tests := []struct {
		err  *Error
		want string
	}{
		{&Error{File: "a.md", Line: 3, Col: 23, Msg: "bad", Hint: "quote it"},
			"a.md:3:23: bad\n    3 | description: Our hours: 8 to 5\n      |                       ^\n    hint: quote it"},
		{&Error{File: "a.md", Line: 3, Msg: "bad"}, "a.md:3: bad\n    3 | description: Our hours: 8 to 5"},
		{&Error{File: "a.md", Line: 4, Col: 2, Msg: "tab"}, "a.md:4:2: tab\n    4 | \tcity: x\n      | \t^"},
		{&Error{File: "a.md", Line: 40, Col: 2, Msg: "past the end"}, "a.md:40:2: past the end"},
		{&Error{File: "a.md", Msg: "no line"}, "a.md: no line"},
	}
	for _, tt := range tests {
		if got := tt.err.WithSource(src); got != tt.want {
			t.Errorf("got\n%s\nwant\n%s", got, tt.want)
		}
	}
}

func TestWithSourceCutsLongLines(t *testing.T) {
	line := strings.Repeat("a", 500) + "X" + strings.Repeat("b", 500)
	got := (&Error{File: "a.md", Line: 1, Col: 501, Msg: "here"}).WithSource([]byte(line))
	lines := strings.Split(got, "\n")
	if len(lines) != 3 {
		t.Fatalf("%q", got)
	}
	text := strings.TrimPrefix(lines[1], "    1 | ")
	caret := strings.TrimPrefix(lines[2], "      | ")
	if r := []rune(text); len(r) > maxSourceWidth+2 || r[len([]rune(caret))-1] != 'X' {
		t.Errorf("the caret does not point at X:\n%s", got)
	}
}

func TestListWithSource(t *testing.T) {
	files := map[string]string{"a.md": "one\ntwo\n"}
	reads := 0
	read := func(name string) ([]byte, error) {
		reads++
		s, ok := files[name]
		if !ok {
			return nil, errors.New("no file")
		}
		return []byte(s), nil
	}
	l := List{Errorf("a.md", 1, "first"), Errorf("a.md", 2, "second"), Errorf("gone.md", 1, "third"), {Msg: "plain"}}
	want := "a.md:1: first\n    1 | one\na.md:2: second\n    2 | two\ngone.md:1: third\nplain"
	if got := l.WithSource(read); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if reads != 2 {
		t.Errorf("%d reads, want one per file", reads)
	}
}
