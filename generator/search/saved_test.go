package search

import (
	"maps"
	"slices"
	"strings"
	"testing"
)

// TestSaveRestore builds an index as a cached build does — some records
// analyzed now, the others restored from what an earlier build saved — and
// requires it to be, file for file, the index of a build that analyzed
// every record.
func TestSaveRestore(t *testing.T) {
	records := []Record{
		{URL: "/conditions/sciatica/", Title: "Sciatica", Kind: "Condition", Names: []string{"pinched nerve"},
			Lead: []string{"Pain that runs down the leg."}, Body: []string{"Sciatic pain starts in the lower back and runs down the leg."},
			Text: []string{"Pain that runs down the leg."}},
		{URL: "/procedures/discectomy/", Title: "Endoscopic discectomy", Kind: "Procedure",
			Headings: []string{"Recovery"}, Body: []string{"Herniated discs are removed through a small incision; herniation pressing on nerves."},
			Text: []string{"A small incision."}},
		{URL: "/faqs/basics/#q-1", Title: "Is back pain an emergency?", Kind: "Question",
			Body: []string{"Call 911 when you lose control of your bladder."}, Text: []string{"Call 911."}},
	}
	build := func(a *Analyzer, docs []Doc) map[string]string {
		t.Helper()
		out := map[string]string{}
		err := Build(a, "search", docs, [][]string{{"pinched nerve", "radiculopathy"}}, "/", func(name string, data []byte) error {
			out[name] = string(data)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	fresh := NewAnalyzer()
	var docs []Doc
	for _, r := range records {
		docs = append(docs, fresh.Doc(r))
	}
	want := build(fresh, docs)

	earlier := NewAnalyzer()
	earlier.KeepWords()
	var saved []Saved
	table := &WordList{}
	for _, r := range records {
		saved = append(saved, earlier.Save(earlier.Doc(r), table))
	}
	// The table goes through the cache file as its List only.
	table = &WordList{List: table.List}
	// The next build analyzes the second record anew and restores the
	// others, in another order, so that its stems are numbered otherwise.
	next := NewAnalyzer()
	next.KeepWords()
	mixed := make([]Doc, len(records))
	mixed[1] = next.Doc(records[1])
	for _, i := range []int{2, 0} {
		d, err := next.Restore(saved[i], table)
		if err != nil {
			t.Fatal(err)
		}
		mixed[i] = d
	}
	got := build(next, mixed)
	if !maps.Equal(got, want) {
		for _, name := range slices.Sorted(maps.Keys(want)) {
			if got[name] != want[name] {
				t.Errorf("%s differs:\n got %.300q\nwant %.300q", name, got[name], want[name])
			}
		}
		t.Fatalf("the index of restored records differs from a fresh one (%d files, want %d)", len(got), len(want))
	}
	// A restored Doc saves as it was saved.
	d, _ := next.Restore(saved[0], table)
	if again := next.Save(d, table); string(again.Words) != string(saved[0].Words) || string(again.Terms) != string(saved[0].Terms) {
		t.Errorf("saving a restored record changed it: %+v, want %+v", again, saved[0])
	}
	// The next cache's table starts with this one's words and adds new
	// ones at its end: a record saved in this table restores from it as
	// it was.
	grown := &WordList{List: slices.Clone(table.List)}
	next.Save(next.Doc(Record{URL: "/new/", Title: "Sciatica", Body: []string{"Zygapophyseal joints and quixotic remedies."}}), grown)
	if len(grown.List) == len(table.List) {
		t.Fatal("a record of new words added none to the table")
	}
	d1, err1 := next.Restore(saved[0], table)
	d2, err2 := next.Restore(saved[0], &WordList{List: grown.List})
	if err1 != nil || err2 != nil || string(d1.terms) != string(d2.terms) || strings.Join(d1.words, " ") != strings.Join(d2.words, " ") {
		t.Errorf("a record restores otherwise from the grown table: %v %v", err1, err2)
	}
	// A damaged record is an error, not a wrong index.
	bad := saved[0]
	bad.Terms = append([]byte{}, bad.Terms...)
	bad.Terms[0] = 200
	if _, err := next.Restore(bad, table); err == nil {
		t.Error("a saved record whose terms name a word it does not have was restored")
	}
}
