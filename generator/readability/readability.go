// Package readability measures how hard a page's prose is to read, the
// known failure of medical web sites: studies of online spine-surgery
// pages find a mean Flesch–Kincaid grade of 11 to 13, where the NIH and
// the AMA ask for grade 6 to 8.
//
// # What is counted
//
// The caller, the Markdown stage, passes the page's prose as Blocks:
// paragraphs, headings and list items, each with the line of the file it
// starts on. Front matter, code, tables, footnotes and references,
// navigation and the site's own chrome are left out before. As the NHS
// does, every heading and list item is a sentence of its own, with or
// without a full stop, in the counts of the whole page. A page is graded
// on its Prose, its full sentences: headings, and list items that are
// fragments, are left out (see Prose).
//
// Within a block, sentences end at ".", "!", "?" or "…" followed by white
// space, but not after "Dr.", "e.g." and other abbreviations, initials
// ("J. Smith"), or a period followed by a lower-case word; see
// splitSentences.
//
// A word is a run of letters and digits, joined across inner apostrophes
// ("don't"), hyphens ("well-being", "L4-L5": one word, syllables summed
// over the parts), the point or comma of a number ("3.5", "1,250") and the
// periods of an initialism ("e.g."). URLs and e-mail addresses are skipped.
// Letters, for Coleman–Liau and ARI, are the letters and digits of words.
//
// # Syllables
//
// Analyzer.Syllables counts a word, always at least 1:
//
//  1. from a lexicon: the site's own (New's argument), a built-in list of
//     about 190 medical and spine terms (medical.txt) and about 100 common
//     words the rules get wrong (exceptions.txt), also through regular
//     inflections ("herniations" from "herniation");
//  2. numbers in digits, one syllable per group of digits ("12" is 1,
//     "1,250" is 2): plain-language guides ask for numerals, and counting
//     them spelled out would make digits look hard;
//  3. acronyms of two to five capitals, initialisms and words without a
//     vowel letter by letter ("MRI" is 3, "e.g." 2, "WHO" 5: W is "double-u");
//  4. otherwise by English spelling rules: vowel groups (y a vowel except
//     before one), less a silent final e ("make", but not "table", "acre"),
//     plus vowel pairs said apart ("radio", "area", "actual", "quiet"),
//     with -ed, -es, -ing and -s counted from the stem ("walked" as
//     "walk(e)", "wanted" as "want"+1), a silent e before a suffix
//     ("lately", "movement") or in a compound ("sometimes"), and prefixes
//     whose vowel meets the stem's ("react", "cooperate").
//
// # Accuracy
//
// Measured against the CMU Pronouncing Dictionary (syllables = phonemes
// with a stress mark), by TestCMUAccuracy, which holds these figures:
//
//   - 94.2% of a held-out sample of 3,000 words agree with the first
//     pronunciation, 95.0% with one of them (testdata/cmu-sample.tsv: every
//     39th letters-only headword, most of them proper names; neither the
//     rules nor the exception list were tuned on it, and the rules alone
//     score 94.0%). For comparison, the npm package syllable scores 92.8%.
//   - 98.8% of the 1,116 distinct words of the demo site's pages that the
//     dictionary has (98.5% of their occurrences), 99.6% with any
//     pronunciation (testdata/cmu-content.tsv); syllable scores 96.5%.
//
// Known limits: compounds whose first word ends in a silent e beyond a
// short list ("cheesecake" is 3); Latin and Greek final e ("syncope")
// beyond the exception list; names from other languages; text shouted in
// capitals (a word of two to five capitals is read as letters); and the
// dictionary's own choices ("fire" and "hour" are 2 there, 1 here).
// Numbers are never polysyllables or complex words, and are never among
// the longest words: they are not what makes a page hard.
//
// # Scores
//
// Score computes Flesch Reading Ease, Flesch–Kincaid grade, SMOG, Gunning
// Fog, Coleman–Liau and ARI from the Counts with the published formulas
// (see Scores), and a consensus grade: the mean of the five grade-level
// scores. The formulas disagree by several grades on one text: show more
// than one, and the hot spots, not a bare number. The tests check the
// formulas against hand-computed counts and against a second
// implementation, the npm package text-readability (testdata/compare.mjs).
//
// # Hot spots
//
// A Report names the five hardest full sentences (by their own
// Flesch–Kincaid grade) and the ten longest words, with their lines, so a
// writer knows what to change: never a heading or a fragment of a list.
//
// # Spanish
//
// SpanishSyllables counts the syllables of a Spanish word by the rules of
// the RAE's Ortografía (diphthongs, triphthongs, hiatus, written accents,
// h between vowels, final y; see spanish.go), and ScoreSpanish computes the
// Fernández-Huerta index (as corrected by Law, 2011) and the
// Szigriszt-Pazos index on the INFLESZ scale from Counts whose syllables it
// counted. They are for Spanish pages, which the site's languages will
// bring; the tests check the counter on a list of words parted by hand
// (testdata/es-syllables.txt) and both indexes on texts counted by hand.
package readability

import (
	"math"
	"strings"
	"sync"

	"github.com/lumen-ssg/lumen/generator/freelist"
)

// Block is one unit of prose: a paragraph, a heading or a list item, with
// the file line it starts on. The caller has already left out code,
// tables, footnotes and front matter.
type Block struct {
	// Text is the block's plain text, without Markdown syntax. It may span
	// several lines.
	Text string
	// Line is the 1-based line of the file on which Text starts.
	Line int
	// Heading marks a heading. A heading is a sentence on its own even
	// without a full stop, and its capitalised words are not taken for
	// proper nouns (Gunning Fog), since headings are often in title case.
	Heading bool
	// ListItem marks a list item, a sentence on its own even without a
	// full stop.
	ListItem bool
}

// Report is the readability of one page. It holds no reference to the
// text it was made from, so a caller may keep reports of many pages
// without keeping their prose.
type Report struct {
	// Counts and Scores are those of every block of the page, headings
	// and list items included, each a sentence of its own.
	Counts
	Scores
	// Prose is the readability of the page's full sentences only, which
	// is what a grade should judge: see Prose.
	Prose Prose
	// Hardest holds up to five full sentences, hardest first (by their
	// own Flesch–Kincaid grade, ties by more words): never a heading or a
	// fragment.
	Hardest []Sentence
	// Longest holds up to ten distinct words of three or more syllables
	// (ignoring case), most syllables first, then most letters, from full
	// sentences. Numbers are left out.
	Longest []Word
	// Long holds the full sentences of more than LongWords words, in
	// page order, up to MaxLong of them.
	Long []Sentence
}

// LongWords is the most words a sentence should have: plain-language
// guides for health information advise 15 to 20.
const LongWords = 20

// MaxLong caps Report.Long.
const MaxLong = 100

// Prose is the readability of a page's full sentences. Headings, and list
// items that are fragments rather than sentences ("Numbness in the leg",
// "Physical therapy"), are left out, as guides to scoring health materials
// ask (McLaughlin's SMOG instructions: skip titles and headings; "delete
// bulleted lists unless the text in each bulleted line is a complete
// sentence"), because counting them as sentences makes a page look easier
// than it is: short "sentences" pull the grade down. A sentence of a list
// item is a fragment when it has fewer than FragmentWords words or does
// not end with ".", "!" or "?". There is no grammar here: a list item of
// five words or more that ends with a full stop counts as a sentence,
// verb or not.
type Prose struct {
	Counts
	Scores
	// Headings and Fragments are the sentences left out: those of
	// headings, and those of list items that are fragments.
	Headings, Fragments int
	// SpreadWords is the standard deviation of the sentences' lengths in
	// words: plain writing mixes short and longer sentences around a
	// mean (Words/Sentences) of 15 to 20, rather than running on at one
	// length.
	SpreadWords float64
}

// LeftOut returns the share of the page's sentences that are headings or
// fragments, from 0 to 1.
func (p Prose) LeftOut() float64 {
	all := p.Sentences + p.Headings + p.Fragments
	if all == 0 {
		return 0
	}
	return float64(p.Headings+p.Fragments) / float64(all)
}

// spread returns the standard deviation of n lengths that add up to sum
// and whose squares add up to squares.
func spread(sum, n int, squares float64) float64 {
	if n == 0 {
		return 0
	}
	mean := float64(sum) / float64(n)
	return math.Sqrt(max(squares/float64(n)-mean*mean, 0))
}

// FragmentWords is the fewest words a sentence of a list item has to count
// as a full sentence.
const FragmentWords = 5

// fragment reports whether the sentence text of a list item, of n words,
// is a fragment.
func fragment(text string, n int) bool {
	if n < FragmentWords {
		return true
	}
	t := strings.TrimRight(text, " \t\n\"'”’)]*_")
	return !strings.HasSuffix(t, ".") && !strings.HasSuffix(t, "!") && !strings.HasSuffix(t, "?") && !strings.HasSuffix(t, "…")
}

// Analyzer counts syllables and scores prose. It is built once by New and
// is safe for concurrent use: it holds a lexicon that it never changes, a
// concurrent memo of the word parts it has counted and a free list of
// caches of the words it has judged, each used by one call of Analyze at a
// time.
type Analyzer struct {
	lex Lexicon
	// spanish counts syllables by the rules of Spanish (SpanishSyllables)
	// rather than English ones.
	spanish bool
	memo    sync.Map // word part → syllables
	caches  freelist.List[*wordCache]
}

// New returns an Analyzer that counts syllables with the built-in lexicons
// and, on top of them, the site's extra terms. Keys of extra are
// lower-cased; entries below 1 are ignored. New copies extra.
func New(extra Lexicon) *Analyzer {
	lex := builtinLexicon()
	for w, n := range extra {
		if n >= 1 {
			lex[strings.ToLower(w)] = n
		}
	}
	return &Analyzer{lex: lex}
}

// NewSpanish returns an Analyzer that counts the syllables of Spanish
// words (SpanishSyllables), for pages in Spanish: its Report's Counts are
// what ScoreSpanish scores. The English Scores of its Report are computed
// from those counts too, but the English formulas do not apply to
// Spanish.
func NewSpanish() *Analyzer { return &Analyzer{lex: Lexicon{}, spanish: true} }

// Analyze counts and scores the prose of one page and finds its hot spots.
func (a *Analyzer) Analyze(blocks []Block) Report {
	var c, prose Counts
	var headings, fragments int
	var long []Sentence
	var squares float64 // the sum of the full sentences' lengths, squared
	cache := a.getCache()
	defer a.putCache(cache)
	var h hotspots
	for _, b := range blocks {
		cur := lineCursor{text: b.Text, line: b.Line}
		cache.sentences = appendSentences(cache.sentences[:0], b.Text)
		for _, sp := range cache.sentences {
			text := b.Text[sp.start:sp.end]
			cache.spans = appendWords(cache.spans[:0], text)
			words := cache.spans
			if len(words) == 0 {
				continue
			}
			// A heading, or a fragment of a list, counts for the whole
			// page but not for its prose, and is never a hot spot.
			full := true
			switch {
			case b.Heading:
				headings++
				full = false
			case b.ListItem && fragment(text, len(words)):
				fragments++
				full = false
			}
			var s Counts
			s.Sentences = 1
			line := cur.at(sp.start + words[0].start)
			for k, ws := range words {
				w := text[ws.start:ws.end]
				info := cache.lookup(a, w)
				s.Words++
				s.Syllables += info.syllables
				s.Letters += info.letters
				if !info.polysyllable {
					continue
				}
				s.Polysyllables++
				if info.complex || info.complexAtStart && (k == 0 || b.Heading) {
					s.ComplexWords++
				}
				// Only long words can be among the longest, and only
				// their first occurrence counts, in any case.
				if lw := &cache.words[info.lower]; full && lw.offered != cache.page {
					lw.offered = cache.page
					h.addWord(w, cur.at(sp.start+ws.start), info.syllables, info.letters)
				}
			}
			c = c.Add(s)
			if !full {
				continue
			}
			prose = prose.Add(s)
			squares += float64(s.Words * s.Words)
			sentence := Sentence{
				Text:      text, // white space collapsed for the hardest only
				Line:      line,
				Words:     s.Words,
				Syllables: s.Syllables,
				Grade:     sentenceGrade(s.Words, s.Syllables),
			}
			h.addSentence(sentence)
			if s.Words > LongWords && len(long) < MaxLong {
				// A copy, so that the report does not hold on to the
				// page's text.
				sentence.Text = squeeze(text)
				long = append(long, sentence)
			}
		}
	}
	return Report{
		Counts: c, Scores: Score(c),
		Prose: Prose{Counts: prose, Scores: Score(prose), Headings: headings, Fragments: fragments,
			SpreadWords: spread(prose.Words, prose.Sentences, squares)},
		Hardest: h.hardest(), Longest: h.longest(), Long: long,
	}
}

// lineCursor turns byte offsets of a block's text, visited in increasing
// order, into file lines in linear time.
type lineCursor struct {
	text string
	pos  int // offset up to which newlines are counted
	line int // line of text[pos]
}

func (c *lineCursor) at(off int) int {
	if off > c.pos {
		c.line += strings.Count(c.text[c.pos:off], "\n")
		c.pos = off
	}
	return c.line
}

// complexParts reports whether a word of three or more syllables is one
// of Gunning's complex words, a capitalised word aside: whether one of its
// hyphenated parts has three or more syllables without the -es, -ed or
// -ing that Gunning says not to count.
func (a *Analyzer) complexParts(w string) bool {
	for rest := w; rest != ""; {
		var part string
		part, rest = nextPart(rest)
		if part != "" && a.partSyllables(uninflect(part)) >= 3 {
			return true
		}
	}
	return false
}

// uninflect strips the -es, -ed or -ing that Gunning says not to count:
// "created" is counted as "create", "diseases" as "disease".
func uninflect(w string) string {
	lower := strings.ToLower(w)
	switch {
	case len(lower) > 5 && strings.HasSuffix(lower, "ing"):
		return w[:len(w)-3]
	case len(lower) > 4 && (strings.HasSuffix(lower, "ed") || strings.HasSuffix(lower, "es")):
		return w[:len(w)-1]
	}
	return w
}
