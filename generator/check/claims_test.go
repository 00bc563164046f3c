package check

import (
	"strings"
	"testing"
)

// finderCase is a text and the words a finder must find in it.
type finderCase struct {
	text string
	want []string
}

// testFinder runs find, named name, on each case.
func testFinder(t *testing.T, name string, find func(string) []phraseUse, cases []finderCase) {
	t.Helper()
	for _, tc := range cases {
		var got []string
		for _, u := range find(tc.text) {
			got = append(got, u.word)
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%s(%q) = %q, want %q", name, tc.text, got, tc.want)
		}
	}
}

func TestFindPromotional(t *testing.T) {
	testFinder(t, "findPromotional", findPromotional, []finderCase{
		{"Our state-of-the-art center guarantees pain-free recovery.", []string{"state-of-the-art", "guarantees", "pain-free"}},
		{"We give the best care in the state, with the Best Results.", []string{"best care", "Best Results"}},
		{"This treatment is completely safe and risk-free.", []string{"completely safe", "risk-free"}},
		{"We are uniquely placed to coordinate your care seamlessly.", []string{"uniquely", "seamlessly"}},
		{"It is a breakthrough. It cures back pain for good.", []string{"breakthrough", "cures"}},
		// Not claims: denied, asked, or advice.
		{"There is no cure for arthritis.", nil},
		{"Will the surgery cure my pain? It may help.", nil},
		{"Surgery is not painless. It has risks.", nil},
		{"It works best with exercise. Which clinic is best for you?", nil},
		{"The doctor picks the path that best reaches your disc.", nil},
	})
}

func TestFindPassive(t *testing.T) {
	testFinder(t, "findPassive", findPassive, []finderCase{
		{"The disc is removed through a small cut.", []string{"is removed"}},
		{"You will be given medicine. It was not done before.", []string{"be given", "was not done"}},
		{"The nerve is gently freed and the bone is carefully trimmed.", []string{"is gently freed", "is carefully trimmed"}},
		{"Nerves that are squeezed hurt.", []string{"are squeezed"}},
		// Not passive: describing, naming, or active.
		{"You may be tired. This is called sciatica. The clinic is closed on Sunday.", nil},
		{"The surgeon removes the disc. Rest is good.", nil},
	})
}

func TestFindOutcomes(t *testing.T) {
	testFinder(t, "findOutcomes", func(text string) []phraseUse {
		var out []phraseUse
		for _, m := range findOutcomes(text) {
			out = append(out, phraseUse{at: m[0], word: text[m[0]:m[1]]})
		}
		return out
	}, []finderCase{
		{"It means less pain and a Faster Recovery.", []string{"less pain", "Faster Recovery"}},
		{"Studies show lower complication rates and reduced opioid use.", []string{"lower complication rates", "reduced opioid use"}},
		{"About 1 in 5 people, or 20%, have less blood loss; 3 out of 10 need more.", []string{"1 in 5", "20%", "less blood loss", "3 out of 10"}},
		{"Its success rate is 85 percent.", []string{"success rate", "85 percent"}},
		// Not claims: no comparison of an outcome, no number of people.
		{"Tell us if you have more questions. Pain can last 6 weeks.", nil},
		{"Walk for 10 minutes, 3 times a day.", nil},
	})
}

func TestFindPassiveLeavesNamesAlone(t *testing.T) {
	testFinder(t, "findPassive", findPassive, []finderCase{
		{"Values are `helped_68` and is used2.", nil},
		{"It is, removed. It was\nremoved.", []string{"was removed"}},
	})
}
