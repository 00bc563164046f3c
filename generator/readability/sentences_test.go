package readability

import (
	"reflect"
	"strings"
	"testing"
)

func sentenceTexts(text string) []string {
	var out []string
	for _, s := range splitSentences(text) {
		out = append(out, strings.TrimSpace(text[s.start:s.end]))
	}
	return out
}

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"plain", "One. Two! Three? Four", []string{"One.", "Two!", "Three?", "Four"}},
		{"no stop", "Lumbar disc herniation", []string{"Lumbar disc herniation"}},
		{"empty", "   ", nil},
		{"titles", "Dr. Ortiz and Mrs. Reed saw Mr. Lee at St. Mary's. Then they left.",
			[]string{"Dr. Ortiz and Mrs. Reed saw Mr. Lee at St. Mary's.", "Then they left."}},
		{"e.g. and i.e.", "Take a drug, e.g. ibuprofen, i.e. an NSAID. Rest.",
			[]string{"Take a drug, e.g. ibuprofen, i.e. an NSAID.", "Rest."}},
		{"etc. mid", "Heat, ice, etc. can help. Ask us.", []string{"Heat, ice, etc. can help.", "Ask us."}},
		{"etc. end", "Heat, ice, etc. Ask us.", []string{"Heat, ice, etc.", "Ask us."}},
		{"U.S.", "It is common in the U.S. and Canada. In the U.S. Most people recover.",
			[]string{"It is common in the U.S. and Canada.", "In the U.S.", "Most people recover."}},
		{"initials", "J. R. Smith wrote it. We agree.", []string{"J. R. Smith wrote it.", "We agree."}},
		{"numbers", "Take 2.5 mg. It lasts 3.5 hours.", []string{"Take 2.5 mg.", "It lasts 3.5 hours."}},
		{"No. and vs.", "See No. 5 vs. No. 6. Done.", []string{"See No. 5 vs. No. 6.", "Done."}},
		{"no at the end", "The answer is no. Then rest.", []string{"The answer is no.", "Then rest."}},
		{"approx lower", "It takes approx. two weeks. Then walk.", []string{"It takes approx. two weeks.", "Then walk."}},
		{"unknown abbreviation before lower case", "Use the fig. tree. Good.", []string{"Use the fig. tree.", "Good."}},
		{"quotes", `He said "stop." Then "go!" Fine.`, []string{`He said "stop."`, `Then "go!"`, "Fine."}},
		{"bracket", "Rest (for a day.) Walk.", []string{"Rest (for a day.)", "Walk."}},
		{"ellipsis word", "Wait… Then go.", []string{"Wait…", "Then go."}},
		{"ellipsis dots", "Wait... then go. Now... Go.", []string{"Wait... then go.", "Now...", "Go."}},
		{"multiple marks", "Really?! Yes.", []string{"Really?!", "Yes."}},
		{"url", "See example.com. Or www.nhs.uk now.", []string{"See example.com.", "Or www.nhs.uk now."}},
		{"newline", "First line\ncontinues. Second\nsentence.", []string{"First line\ncontinues.", "Second\nsentence."}},
		{"digit after", "It was 2024. 30 people came.", []string{"It was 2024.", "30 people came."}},
		{"unicode", "¿Qué tal? Très bien. 東京。大阪！", []string{"¿Qué tal?", "Très bien.", "東京。", "大阪！"}},
	}
	for _, tt := range tests {
		if got := sentenceTexts(tt.text); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}
