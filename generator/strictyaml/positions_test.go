package strictyaml

import (
	"bytes"
	"encoding/gob"
	"strings"
	"testing"
)

// TestPositions holds Positions to what a map of paths to lines would
// answer, through encoding/gob too (a build cache keeps them), and to no
// line, never a panic, for text that is not what add wrote.
func TestPositions(t *testing.T) {
	var pos Positions
	want := map[string]int{"title": 2, "a": 3, "a.b": 4, "q.0": 300, "q.0.answer": 1 << 20, "é": 7, strings.Repeat("k", 200): 8}
	for _, path := range []string{"title", "a", "a.b", "q.0", "q.0.answer", "é", strings.Repeat("k", 200)} {
		pos.add(path, want[path])
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(struct{ Pos Positions }{pos}); err != nil {
		t.Fatal(err)
	}
	var back struct{ Pos Positions }
	if err := gob.NewDecoder(&buf).Decode(&back); err != nil {
		t.Fatal(err)
	}
	for _, p := range []Positions{pos, back.Pos} {
		for path, line := range want {
			if got, ok := p.find(path); !ok || got != line {
				t.Errorf("find(%q) = %d, %v; want %d", path, got, ok, line)
			}
		}
		for path, line := range map[string]int{"a.b.c": 4, "q.0.answer.x": 1 << 20, "q.1": 0, "t": 0, "titles": 0, "": 0} {
			if got := p.Line(path); got != line {
				t.Errorf("Line(%q) = %d; want %d", path, got, line)
			}
		}
	}
	for _, text := range []string{"\x05ab", "\xff", "\x01a", "\x01a\xff", "\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80"} {
		if got := (Positions{[]byte(text)}).Line("a"); got != 0 {
			t.Errorf("Line in %q = %d; want 0", text, got)
		}
	}
	if got := (Positions{}).Line("title"); got != 0 {
		t.Errorf("no Positions: Line = %d", got)
	}
}
