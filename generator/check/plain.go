package check

import (
	_ "embed"
	"fmt"
	"maps"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lumen-ssg/lumen/generator/config"
	"github.com/lumen-ssg/lumen/generator/content"
	"github.com/lumen-ssg/lumen/generator/diag"
	"github.com/lumen-ssg/lumen/generator/markdown"
	"github.com/lumen-ssg/lumen/generator/readability"
	"github.com/lumen-ssg/lumen/generator/site"
)

// builtinJargon is the built-in list of words with plainer ones, jargon.txt:
// about 400 words and phrases of spine and pain care and of general
// medicine, each with plainer words.
//
//go:embed jargon.txt
var builtinJargon string

// jargon maps the built-in list's words and phrases to plainer ones.
var jargon = func() map[string]string {
	m, errs := ParseJargon("jargon.txt", builtinJargon)
	if len(errs) > 0 {
		panic(errs.Err())
	}
	return m
}()

// jargonList finds jargon's words and phrases in a text.
var jargonList = newPhraseList(jargon)

// A Jargon finds words with plainer ones in a page's text: the built-in
// list and a site's own (content/jargon.txt), but for the site's glossary
// terms, which Lumen defines where they first appear. It is made once per
// build.
type Jargon struct {
	list *phraseList
	// negations are the words before a promotional word that deny it.
	negations map[string]bool
	// lists finds the jargon, the promotional wording and the claims of
	// outcome in one reading of a text's words.
	lists *phraseLists
	// glossary are the glossary's terms and their other forms, lower
	// case, one space between words.
	glossary map[string]bool
}

// wordLists are the built-in word lists of one language.
type wordLists struct {
	jargon                            map[string]string
	jargonList, promotional, outcomes *phraseList
	negations                         map[string]bool
}

// listsEN are the English word lists.
var listsEN = wordLists{jargon: jargon, jargonList: jargonList, promotional: promotionalList, outcomes: outcomeList, negations: negations}

// NewJargon returns the built-in English list with extra's words and
// phrases added (or, for a word the built-in list has, put in its place),
// that leaves alone the terms of glossary g (or nil).
func NewJargon(extra map[string]string, g *content.Glossary) *Jargon {
	return NewJargonFor("en", extra, g)
}

// NewJargonFor is NewJargon for pages in the language lang: Spanish pages
// get the Spanish lists of words with plainer ones and of promotional
// words (and no list of claims of outcome), any other language the
// English ones.
func NewJargonFor(lang string, extra map[string]string, g *content.Glossary) *Jargon {
	wl := listsEN
	if config.Primary(lang) == "es" {
		wl = listsES
	}
	j := &Jargon{list: wl.jargonList, negations: wl.negations, glossary: map[string]bool{}}
	if len(extra) > 0 {
		m := maps.Clone(wl.jargon)
		maps.Copy(m, extra)
		j.list = newPhraseList(m)
	}
	j.lists = newPhraseLists(j.list, wl.promotional, wl.outcomes)
	if g != nil {
		for _, t := range g.Terms {
			for _, f := range t.Forms() {
				j.glossary[normalize(f)] = true
			}
		}
	}
	return j
}

// ParseJargon reads a list of words with plainer ones: a "word or phrase =
// plainer words" a line, of one to three words, lower-cased; blank lines
// and lines starting with # are left out. Errors name file and line.
func ParseJargon(file, text string) (map[string]string, diag.List) {
	m := map[string]string{}
	var errs diag.List
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		word, plain, ok := strings.Cut(line, "=")
		word, plain = strings.Join(strings.Fields(strings.ToLower(word)), " "), strings.TrimSpace(plain)
		switch {
		case !ok || word == "" || plain == "":
			errs = append(errs, &diag.Error{File: file, Line: i + 1, Rule: diag.RuleJargonFile,
				Msg: fmt.Sprintf("%q is not \"word = plainer words\"", line), Hint: "write one word or phrase, an equals sign, and the plainer words: utilize = use"})
		case strings.Count(word, " ") > 2:
			errs = append(errs, &diag.Error{File: file, Line: i + 1, Rule: diag.RuleJargonFile,
				Msg: fmt.Sprintf("%q has more than three words", word), Hint: "list phrases of one to three words"})
		default:
			m[word] = plain
		}
	}
	return m, errs
}

// A phraseList finds the words and phrases of one, two or three words of a
// list (such as jargon) in a text, each mapped to what to say of it.
type phraseList struct {
	phrases map[string]string
	// words indexes the phrases' words and the first words of their
	// longer phrases, so that a word of a text, most of which are in
	// neither, is looked up once.
	words map[string]phraseWord
}

// phraseWord is what phraseList.find needs to know of a word: whether it is
// in the list on its own, with what to say of it, and whether it starts a
// longer phrase.
type phraseWord struct {
	say                  string
	listed, startsPhrase bool
}

// newPhraseList indexes phrases (lower-case, one to three words).
func newPhraseList(phrases map[string]string) *phraseList {
	l := &phraseList{phrases: phrases, words: map[string]phraseWord{}}
	for k, say := range phrases {
		first, _, long := strings.Cut(k, " ")
		w := l.words[first]
		if long {
			w.startsPhrase = true
		} else {
			w.say, w.listed = say, true
		}
		l.words[first] = w
	}
	return l
}

// phraseUse is one use of a listed word or phrase in a text: its offset,
// the words as written, what to say of them, and the word before them,
// lower-cased ("" at the start of the text).
type phraseUse struct {
	at        int
	word, say string
	before    string
}

// at returns the use of l's words and phrases that starts at word i of ws,
// whose entry in l.words is first, and the index of its last word; or
// false, and i. The word is looked up with the word after it, when only
// white space is between, for two-word phrases ("prior to", "adverse
// event"), which win over a single word; three-word phrases ("in order
// to") are found by their first two words and checked whole. buf is
// scratch space.
func (l *phraseList) at(ws *words, i int, first phraseWord, buf []byte) (phraseUse, int, bool) {
	say, found, last := "", false, i
	if first.startsPhrase && i+1 < ws.len() && ws.joined(i+1) {
		if i+2 < ws.len() && ws.joined(i+2) {
			say, found = l.phrases[string(ws.phrase(buf, i, i+3))]
			last = i + 2
		}
		if !found {
			say, found = l.phrases[string(ws.phrase(buf, i, i+2))]
			last = i + 1
		}
	}
	if !found {
		say, found, last = first.say, first.listed, i
	}
	if !found {
		return phraseUse{}, i, false
	}
	start := ws.spans[i][0]
	return phraseUse{at: start, word: ws.text[start:ws.spans[last][1]], say: say, before: ws.before(i)}, last, true
}

// phraseLists finds the words and phrases of several phraseLists among the
// same words at once: each word is looked up once, in an index of the
// words that any of the lists has alone or first in a phrase.
type phraseLists struct {
	lists []*phraseList
	// words maps a word to what each list knows of it, by list.
	words map[string][]phraseWord
	// may has the bit maySlot of each word of words: a word whose bit
	// is clear is in no list, told without a lookup. Most words of a
	// page are in none, and the bits fit in the processor's fastest
	// cache, where the map does not.
	may [1 << 16 / 64]uint64
}

// maySlot returns the bit of phraseLists.may of the word w: its length,
// first and last byte, hashed.
func maySlot(w string) uint32 {
	if w == "" {
		return 0
	}
	h := (uint32(w[0])*0x9E3779B1 ^ uint32(w[len(w)-1])*0x85EBCA77 ^ uint32(len(w))*0xC2B2AE3D)
	return h >> 16
}

// newPhraseLists indexes lists.
func newPhraseLists(lists ...*phraseList) *phraseLists {
	x := &phraseLists{lists: lists, words: map[string][]phraseWord{}}
	for k, l := range lists {
		for w, pw := range l.words {
			e := x.words[w]
			if e == nil {
				e = make([]phraseWord, len(lists))
				x.words[w] = e
			}
			e[k] = pw
			b := maySlot(w)
			x.may[b/64] |= 1 << (b % 64)
		}
	}
	return x
}

// findIn returns the uses of each list's words and phrases among ws, by
// list: for each, its words and phrases in order, each use once (at), as
// the list read alone would find them (TestWordingFindsLikeEachList).
func (x *phraseLists) findIn(ws *words) [][]phraseUse {
	var buf [96]byte
	out := make([][]phraseUse, len(x.lists))
	next := make([]int, len(x.lists)) // the first word each list may match at
	for i := 0; i < ws.len(); i++ {
		w := ws.low(i)
		if b := maySlot(w); x.may[b/64]&(1<<(b%64)) == 0 {
			continue
		}
		e, ok := x.words[w]
		if !ok {
			continue
		}
		for k, first := range e {
			if i < next[k] || !first.listed && !first.startsPhrase {
				continue
			}
			if u, last, ok := x.lists[k].at(ws, i, first, buf[:0]); ok {
				out[k] = append(out[k], u)
				next[k] = last + 1
			}
		}
	}
	return out
}

// wording returns the jargon (with plainer words, quoted), the
// promotional wording that no word before denies (notDenied) and the
// claims of outcome (claimOffsets) among ws,
// reading the words once.
func (j *Jargon) wording(ws *words) (jargonUses, promotionalUses []phraseUse, claims [][2]int) {
	uses := j.lists.findIn(ws)
	return j.quoted(uses[0]), notDenied(ws.text, uses[1], j.negations), claimOffsets(ws.text, uses[2])
}

// quoted returns uses with what to say of them quoted.
func (j *Jargon) quoted(uses []phraseUse) []phraseUse {
	for i := range uses {
		uses[i].say = strconv.Quote(uses[i].say) // what fmt's %q writes, without its formatting
	}
	return uses
}

// mayHavePercent reports whether text may hold a percentage that the
// expression percent matches, which needs an ASCII digit and a "%" or a
// "per" in any case: most texts have none, and need not be searched.
func mayHavePercent(text string) bool {
	if !containsDigit(text) {
		return false
	}
	if strings.IndexByte(text, '%') >= 0 {
		return true
	}
	for i := 0; i+3 <= len(text); i++ {
		// Only "P" and "p" have the bits of "p" with 0x20 set, and so on.
		if text[i]|0x20 == 'p' && text[i+1]|0x20 == 'e' && text[i+2]|0x20 == 'r' {
			return true
		}
	}
	return false
}

// explained reports whether the use s[start:end] of a term is explained
// in parentheses right before or after it: "a pinched nerve (sciatica)" or
// "sciatica (leg pain from a pinched nerve)".
func explained(s string, start, end int) bool {
	return strings.HasSuffix(strings.TrimRight(s[:start], " "), "(") || strings.HasPrefix(strings.TrimLeft(s[end:], " "), "(")
}

// undefinedTerms reports glossary terms that appear in the page's prose
// but are defined nowhere on it: neither by the renderer on their first
// use in the body, nor by the writer in parentheses.
//
// The page's text is read once, whatever the size of the glossary: terms
// is the glossary's forms prepared for matching (markdown.NewGlossary),
// each numbering its entry of g.
func undefinedTerms(body *site.Body, blocks []readability.Block, g *content.Glossary, terms *markdown.Glossary, add func(int, string, Severity, string, ...any)) {
	seen := make([]bool, len(g.Terms)) // entries defined, or met in the text
	for _, d := range body.Defined {
		if form, ok := terms.Lookup(d); ok {
			seen[terms.Term(form).Entry] = true
		}
	}
	done := func(form int) bool { return seen[terms.Term(form).Entry] }
	for _, b := range blocks {
		terms.Scan(b.Text, done, func(form, at, end int) {
			entry := terms.Term(form).Entry
			seen[entry] = true
			if explained(b.Text, at, end) {
				return // the writer explained it in parentheses
			}
			t := g.Terms[entry]
			add(lineOf(b, at), diag.RuleUndefined, Warning,
				"the medical term %q is used without its definition (%s); explain it where it first appears, or use it in the page's text, where Lumen adds the definition",
				t.Term, t.Definition)
		})
	}
}

// subjectWords returns the words of page p's own subject, its title and
// other names, which the page may use although they have plainer ones:
// it is there to explain them.
func subjectWords(p *site.Page) map[string]bool {
	subject := map[string]bool{}
	names := []string{p.Title()}
	if c, ok := p.Meta.(*content.Condition); ok {
		names = append(names, c.AlsoKnownAs...)
	}
	for _, n := range names {
		for w := range strings.FieldsFuncSeq(strings.ToLower(n), func(r rune) bool { return !unicode.IsLetter(r) && r != '-' && r != '\'' }) {
			subject[w] = true
		}
	}
	return subject
}

// explained reports whether the word or phrase w, as written, is explained
// on a page whose subject has the words subject: a glossary term, or made
// only of words of the subject.
func (j *Jargon) explained(w string, subject map[string]bool) bool {
	lower := normalize(w)
	if j.glossary[lower] {
		return true
	}
	for part := range strings.FieldsSeq(lower) {
		if !subject[part] {
			return false
		}
	}
	return true
}

// normalize lower-cases s and puts one space between its words. Most
// words and phrases are so already, and are returned as they are.
func normalize(s string) string {
	if isNormal(s) {
		return s
	}
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

// isNormal reports whether normalize would return s unchanged because s
// is ASCII without capitals, and its words, not empty, are one space apart.
func isNormal(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf, 'A' <= c && c <= 'Z', '\t' <= c && c <= '\r':
			return false
		case c == ' ' && s[i+1] == ' ':
			return false
		}
	}
	return true
}
