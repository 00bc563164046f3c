package readability

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"
)

func TestSyllables(t *testing.T) {
	a := New(nil)
	// Expected counts are the CMU Pronouncing Dictionary's first
	// pronunciation unless a comment says otherwise.
	tests := []struct {
		word string
		want int
	}{
		{"the", 1}, {"a", 1}, {"I", 1}, {"table", 2}, {"little", 2}, {"created", 3},
		{"beautiful", 3}, {"poem", 2}, {"area", 3}, {"idea", 3}, {"business", 2},
		{"every", 3}, {"different", 3}, {"people", 2}, {"simple", 2}, {"walked", 1},
		{"wanted", 2}, {"cooperate", 4}, {"reelect", 3}, {"being", 2}, {"going", 2},
		{"quiet", 2}, {"diet", 2}, {"science", 2}, {"patient", 2}, {"client", 2},
		{"experience", 4}, {"diabetes", 4}, {"element", 3}, {"whatever", 3},
		{"however", 3}, {"fluid", 2}, {"reality", 4}, {"recipe", 3}, {"aisle", 1},
		{"tissue", 2}, {"nausea", 3}, {"disease", 2}, {"diseases", 3},
		{"physician", 3}, {"surgeon", 2}, {"therapy", 3}, {"procedure", 3},
		{"injury", 3}, {"minimally", 4}, {"invasive", 3}, {"usually", 4},
		{"actually", 4}, {"anxiety", 4}, {"various", 3}, {"serious", 3},
		{"radio", 3}, {"video", 3}, {"medium", 3}, {"calcium", 3}, {"million", 2},
		{"onion", 2}, {"violence", 3}, {"situation", 4}, {"individual", 5},
		{"continuous", 4}, {"value", 2}, {"language", 2}, {"guide", 1},
		{"league", 1}, {"fatigue", 2}, {"unique", 2}, {"technique", 2},
		{"poet", 2}, {"does", 1}, {"goes", 1}, {"shoes", 1}, {"heroic", 3},
		{"creation", 3}, {"react", 2}, {"reopen", 3}, {"someone", 2},
		{"sometimes", 2}, {"something", 2}, {"therefore", 2}, {"careful", 2},
		{"useful", 2}, {"lately", 2}, {"movement", 2}, {"management", 3},
		{"statement", 2}, {"safety", 2}, {"ninety", 2}, {"awareness", 3},
		{"settlement", 3}, {"sacred", 2}, {"hundred", 2}, {"acre", 2},
		{"whale", 1}, {"style", 1}, {"eye", 1}, {"eyes", 1}, {"type", 1},
		{"player", 2}, {"crayon", 2}, {"beyond", 2}, {"yes", 1}, {"today", 2},
		{"family", 3}, {"only", 2}, {"easier", 3}, {"field", 1}, {"review", 2},
		{"nurses", 2}, {"wishes", 2}, {"boxes", 2}, {"faces", 2}, {"uses", 2},
		{"used", 1}, {"using", 2}, {"makes", 1}, {"tables", 2}, {"ideas", 3},
		{"basically", 3}, {"autism", 3}, {"spasm", 2}, {"rhythm", 2},
		{"hour", 1},  // CMU first says 2; its second, and we, 1
		{"fire", 1},  // likewise
		{"aches", 1}, // inflection of a lexicon entry
		// Medical lexicon.
		{"radiculopathy", 6}, {"foraminotomy", 6}, {"spondylolisthesis", 6},
		{"discectomy", 4}, {"laminectomy", 5}, {"endoscopic", 4}, {"endoscope", 3},
		{"herniation", 4}, {"herniated", 5}, {"sciatica", 4}, {"stenosis", 3},
		{"fluoroscopy", 4}, {"percutaneous", 5}, {"anesthesia", 4},
		{"anesthesiology", 7}, {"radiofrequency", 6}, {"ablation", 3},
		{"epidural", 4}, {"vertebra", 3}, {"vertebrae", 3}, {"lumbar", 2},
		{"cervical", 3}, {"thoracic", 3}, {"foramen", 3}, {"foraminal", 4},
		{"facet", 2}, {"analgesic", 4}, {"physiotherapy", 6}, {"orthopedic", 4},
		{"neurosurgeon", 4}, {"herniations", 4}, {"discectomies", 4},
		{"Radiculopathy", 6}, {"facets", 2}, {"faceted", 3},
		// Numbers, acronyms, hyphens, apostrophes, other scripts.
		{"12", 1}, {"2024", 1}, {"3.5", 2}, {"1,250", 2}, {"MRI", 3}, {"CT", 2},
		{"NHS", 3}, {"WHO", 5}, {"e.g", 2}, {"U.S", 2}, {"L4-L5", 4}, {"T12", 2},
		{"2nd", 1}, {"COVID19", 3}, {"NSAIDs", 2}, {"TLIF", 2}, {"ptsd", 4},
		{"well-being", 3}, {"x-ray", 2}, {"patient's", 2}, {"nurse's", 2},
		{"don't", 1}, {"doesn't", 2}, {"can't", 1}, {"didn't", 2}, {"it’s", 1},
		{"naïve", 2}, {"café", 2}, {"Zoë", 2}, {"hmm", 1},
		{"東京", 2}, {"здоровье", 3},
	}
	for _, tt := range tests {
		if got := a.Syllables(tt.word); got != tt.want {
			t.Errorf("Syllables(%q) = %d, want %d", tt.word, got, tt.want)
		}
	}
}

func TestSyllablesEdges(t *testing.T) {
	a := New(nil)
	for _, w := range []string{"", "-", "'", "...", "—"} {
		if got := a.Syllables(w); got != 0 {
			t.Errorf("Syllables(%q) = %d, want 0 (no letter)", w, got)
		}
	}
	// "K1st" and "İ2nd" have a letter (the Kelvin sign, a dotted
	// capital I) whose lower case is shorter; they used to panic.
	for _, w := range []string{"x", "b", "rhythms", "zzz", "q-q", "e'e", "ßß", "ʼ", "ǅ", "Ⅻa", "\u212a1st", "İ2nd"} {
		if got := a.Syllables(w); got < 1 {
			t.Errorf("Syllables(%q) = %d, want >= 1", w, got)
		}
	}
}

// cmuAccuracy reads a testdata file written by testdata/cmu-sample.mjs and
// returns the share of words whose count matches the first pronunciation,
// and any pronunciation, weighting each word by its fourth column when
// weighted is true.
func cmuAccuracy(t *testing.T, a *Analyzer, file string, weighted bool) (first, any float64, misses []string) {
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var n, okFirst, okAny int
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || line == "" {
			continue
		}
		col := strings.Split(line, "\t")
		if len(col) < 3 {
			t.Fatalf("%s: bad line %q", file, line)
		}
		want, _ := strconv.Atoi(col[1])
		weight := 1
		if weighted && len(col) > 3 {
			weight, _ = strconv.Atoi(col[3])
		}
		got := a.Syllables(col[0])
		n += weight
		switch {
		case got == want:
			okFirst += weight
			okAny += weight
		case strings.Contains(","+col[2]+",", ","+strconv.Itoa(got)+","):
			okAny += weight
		default:
			misses = append(misses, col[0])
		}
	}
	return 100 * float64(okFirst) / float64(n), 100 * float64(okAny) / float64(n), misses
}

// TestCMUAccuracy holds the accuracy figures stated in the package doc.
// The sample is held out: neither the rules nor the exception list were
// tuned on it (three of its 3,000 words, "everything", "wherever" and
// "ambiguous", are common words that the exception list has on its own
// account).
func TestCMUAccuracy(t *testing.T) {
	a := New(nil)
	tests := []struct {
		file             string
		weighted         bool
		minFirst, minAny float64
	}{
		{"testdata/cmu-sample.tsv", false, 94.0, 94.8},
		{"testdata/cmu-content.tsv", false, 98.5, 99.5},
		{"testdata/cmu-content.tsv", true, 98.5, 99.5},
	}
	for _, tt := range tests {
		first, any, misses := cmuAccuracy(t, a, tt.file, tt.weighted)
		t.Logf("%s (weighted %v): %.2f%% first pronunciation, %.2f%% any; %d misses", tt.file, tt.weighted, first, any, len(misses))
		if first < tt.minFirst || any < tt.minAny {
			t.Errorf("%s: accuracy %.2f%% / %.2f%%, want at least %.1f%% / %.1f%%; misses: %v",
				tt.file, first, any, tt.minFirst, tt.minAny, misses)
		}
	}
	rulesOnly := &Analyzer{lex: Lexicon{}}
	first, any, _ := cmuAccuracy(t, rulesOnly, "testdata/cmu-sample.tsv", false)
	t.Logf("rules alone, no lexicon: %.2f%% first pronunciation, %.2f%% any", first, any)
}
