package search

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestWordsAreFoldedAndStopwordsLeftOut(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"What is the best thing for my BACK?", "best thing back"},
		{"Ciática y hernia discal", "ciatica hernia discal"},
		{"L4-L5 disc, 2 cm", "l4 l5 disc cm"},
		{"x-ray", "ray"},
	} {
		if got := strings.Join(Words(tc.in, stopwords()), " "); got != tc.want {
			t.Errorf("Words(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	for w, stem := range map[string]string{"herniated": "herniat", "herniation": "herniat", "injections": "inject", "2026": "2026"} {
		if got := Stem(w); got != stem {
			t.Errorf("Stem(%q) = %q, want %q", w, got, stem)
		}
	}
}

// TestShardOfMatchesTheScript pins the hash the script computes (FNV-1a
// of the first two letters): values computed by search.js's shardOf.
func TestShardOfMatchesTheScript(t *testing.T) {
	for _, tc := range []struct {
		w       string
		n, want int
	}{{"slipped", 7, 2}, {"sciatica", 7, 0}, {"disc", 512, 238}, {"a1", 1, 0}} {
		if got := shardOf(tc.w, tc.n); got != tc.want {
			t.Errorf("shardOf(%q, %d) = %d, want %d", tc.w, tc.n, got, tc.want)
		}
	}
}

func TestBuiltinSynonymsParse(t *testing.T) {
	groups, errs := ParseSynonyms("synonyms.txt", builtin)
	if len(errs) > 0 || len(groups) < 30 {
		t.Fatalf("%d groups, errors %v", len(groups), errs)
	}
	all := Synonyms(nil, [][]string{{"Slipped disc", "Disc herniation", "HNP"}, {"the", "a"}})
	found := false
	for _, g := range all {
		if slices.Equal(g, []string{"slipped disc", "disc herniation", "hnp"}) {
			found = true
		}
		if len(g) < 2 {
			t.Errorf("a group of one: %v", g)
		}
	}
	if !found {
		t.Error("a site's own group is missing")
	}
	if _, errs := ParseSynonyms("content/synonyms.txt", []byte("# ok\nslipped disc = herniated disc\nsciatica\n")); len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), "content/synonyms.txt:3: ") {
		t.Errorf("a line with one name: %v", errs)
	}
}

// TestBuildWritesTheLayout builds an index of a few records and reads it
// as the script does: every file of the layout, records in their files,
// each word's postings, titles scoring above bodies.
func TestBuildWritesTheLayout(t *testing.T) {
	records := []Record{
		{URL: "/conditions/sciatica/", Title: "Sciatica", Kind: "Condition", Body: []string{"Leg pain from a pinched nerve."}, Text: "Leg pain from a pinched nerve."},
		{URL: "/about/", Title: "About us", Kind: "Page", Body: []string{"We treat sciatica and back pain."}, Text: "We treat sciatica and back pain."},
	}
	for i := range 20 {
		records = append(records, Record{URL: "/p" + string(rune('a'+i)) + "/", Title: "Page", Body: []string{"filler words"}})
	}
	files, err := Build(records, [][]string{{"pinched nerve", "radiculopathy"}}, "/clinic/")
	if err != nil {
		t.Fatal(err)
	}
	layout := Layout{Records: len(records)}
	for _, name := range layout.Files() {
		if files[name] == nil {
			t.Errorf("missing %s", name)
		}
	}
	var meta struct {
		Records, Shards, PerFile int
		All                      bool
		Synonyms                 [][]string
	}
	if err := json.Unmarshal(files["search/meta.json"], &meta); err != nil || meta.Records != 22 || meta.Shards != layout.Shards() || !meta.All || meta.PerFile != 16 {
		t.Fatalf("meta %+v, %v", meta, err)
	}
	var shard struct {
		W map[string]int
		P [][]int
	}
	json.Unmarshal(files["search/w/"+strconv.Itoa(shardOf("sciatica", meta.Shards))+".json"], &shard)
	i, ok := shard.W["sciatica"]
	if !ok {
		t.Fatalf("sciatica is not in its shard: %v", shard.W)
	}
	p := shard.P[i] // [gap, score, gap, score]: records 0 and 1
	if len(p) != 4 || p[0] != 0 || p[2] != 1 || p[1] <= p[3] {
		t.Errorf("postings of sciatica %v: want records 0 and 1, the title above the body", p)
	}
	var recs []struct{ U, T, K, X string }
	json.Unmarshal(files["search/r/0.json"], &recs)
	if len(recs) != 16 || recs[0].U != "/clinic/conditions/sciatica/" || recs[0].K != "Condition" || recs[1].X != "We treat sciatica and back pain." {
		t.Errorf("records: %+v", recs[:2])
	}
	again, _ := Build(records, [][]string{{"pinched nerve", "radiculopathy"}}, "/clinic/")
	for name, data := range files {
		if string(again[name]) != string(data) {
			t.Errorf("%s differs between two builds", name)
		}
	}
}
