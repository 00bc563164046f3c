package site

import (
	"slices"
	"testing"

	"github.com/lumen-ssg/lumen/generator/markdown"
)

// TestAnswerText checks how a Body's running text is split between the
// body and each answer, and that places out of range (a damaged cache)
// give no text rather than a panic.
func TestAnswerText(t *testing.T) {
	prose := []markdown.Prose{{Text: "body"}, {Text: "a1"}, {Text: "a1 more"}, {Text: "a3"}}
	texts := func(ps []markdown.Prose) []string {
		var out []string
		for _, p := range ps {
			out = append(out, p.Text)
		}
		return out
	}
	for _, tc := range []struct {
		name    string
		answers []int
		own     []string
		each    [][]string // by answer, then one past the last
	}{
		{"no answers", nil, []string{"body", "a1", "a1 more", "a3"}, [][]string{nil}},
		{"three answers, the second empty", []int{1, 3, 3}, []string{"body"}, [][]string{{"a1", "a1 more"}, nil, {"a3"}, nil}},
		{"places past the end", []int{1, 9}, []string{"body"}, [][]string{{"a1", "a1 more", "a3"}, nil, nil}},
		{"places out of order", []int{3, 1}, []string{"body", "a1", "a1 more"}, [][]string{nil, {"a1", "a1 more", "a3"}}},
		{"a negative place", []int{-1}, nil, [][]string{{"body", "a1", "a1 more", "a3"}}},
	} {
		b := &Body{Prose: prose, AnswerProse: tc.answers}
		if got := texts(b.OwnProse()); !slices.Equal(got, tc.own) {
			t.Errorf("%s: OwnProse %q, want %q", tc.name, got, tc.own)
		}
		for i, want := range tc.each {
			if got := texts(b.AnswerText(i)); !slices.Equal(got, want) {
				t.Errorf("%s: AnswerText(%d) %q, want %q", tc.name, i, got, want)
			}
		}
	}
}
